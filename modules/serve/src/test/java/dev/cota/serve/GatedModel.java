package dev.cota.serve;

import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.model.lm.Generation;
import dev.cota.model.lm.TokenListener;
import dev.cota.model.vlm.VlmPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A served model whose batches wait at a gate the test opens, and which records each batch's size. */
final class GatedModel implements ServedModel {

    private final ServedModel inner;
    final Semaphore gate = new Semaphore(0);
    final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    final List<Integer> batchSizes = new ArrayList<>();

    GatedModel(ServedModel inner) {
        this.inner = inner;
    }

    @Override
    public VlmPrompt prepare(List<ChatMessage> conversation) {
        return inner.prepare(conversation);
    }

    @Override
    public List<Generation> generate(List<VlmPrompt> batch, List<SamplingParams> params, TokenListener listener) {
        synchronized (batchSizes) {
            batchSizes.add(batch.size());
        }
        firstBatchStarted.countDown();
        try {
            if (!gate.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return inner.generate(batch, params, listener);
    }

    @Override
    public String reply(int[] tokens, SamplingParams params) {
        return inner.reply(tokens, params);
    }

    @Override
    public List<String> stops(SamplingParams params) {
        return inner.stops(params);
    }

    @Override
    public int contextLength() {
        return inner.contextLength();
    }

    @Override
    public boolean takesImages() {
        return inner.takesImages();
    }

    @Override
    public void close() {
        inner.close();
    }
}
