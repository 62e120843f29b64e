package dev.cota.serve;

import dev.cota.agent.backend.SamplingParams;
import dev.cota.model.lm.Generation;
import dev.cota.model.vlm.VlmPrompt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Step-level batching: one worker thread runs batches through the model one after another; each
 * batch takes the requests that waited while the last one ran, in arrival order, up to
 * {@code maxBatch} rows (a request takes one row per choice). At most {@code capacity} requests
 * wait; {@link #offer} refuses the next, which the server answers 429. Closing lets the waiting and
 * running requests finish.
 */
final class BatchScheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchScheduler.class.getName());

    private final ServedModel model;
    private final int maxBatch;
    private final int capacity;
    private final Deque<CompletionJob> waiting = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Thread worker;
    private boolean closed;
    private int running;
    private long batches;
    private long rows;

    BatchScheduler(ServedModel model, int maxBatch, int capacity) {
        this.model = model;
        this.maxBatch = maxBatch;
        this.capacity = capacity;
        this.worker = new Thread(this::work, "cota-serve-batches");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues a job; false when the queue is full or the scheduler is closed. */
    boolean offer(CompletionJob job) {
        if (job.rows() > maxBatch) {
            throw new IllegalArgumentException("a job of " + job.rows() + " rows does not fit a batch of " + maxBatch);
        }
        lock.lock();
        try {
            if (closed || waiting.size() >= capacity) {
                return false;
            }
            waiting.addLast(job);
            arrived.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting for a batch, requests in the running batch, batches run, rows generated. */
    long[] counts() {
        lock.lock();
        try {
            return new long[] {waiting.size(), running, batches, rows};
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            List<CompletionJob> batch = next();
            if (batch.isEmpty()) {
                return;
            }
            run(batch);
            lock.lock();
            try {
                running = 0;
            } finally {
                lock.unlock();
            }
        }
    }

    /** The next batch, waiting for the first request; empty once closed and drained. */
    private List<CompletionJob> next() {
        lock.lock();
        try {
            while (waiting.isEmpty() && !closed) {
                arrived.awaitUninterruptibly();
            }
            List<CompletionJob> batch = new ArrayList<>();
            int taken = 0;
            while (!waiting.isEmpty() && taken + waiting.peekFirst().rows() <= maxBatch) {
                CompletionJob job = waiting.pollFirst();
                taken += job.rows();
                batch.add(job);
            }
            running = batch.size();
            batches += batch.isEmpty() ? 0 : 1;
            rows += taken;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void run(List<CompletionJob> batch) {
        List<VlmPrompt> prompts = new ArrayList<>();
        List<SamplingParams> params = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        for (int j = 0; j < batch.size(); j++) {
            CompletionJob job = batch.get(j);
            for (int c = 0; c < job.rows(); c++) {
                prompts.add(job.prompt());
                params.add(job.choices().get(c));
                owners.add(new int[] {j, c});
            }
        }
        try {
            List<Generation> out = model.generate(prompts, params, (row, token, finished) -> {
                int[] o = owners.get(row);
                try {
                    batch.get(o[0]).sink().onToken(o[1], token, finished);
                } catch (RuntimeException e) {
                    // A sink's failure (a client gone) is its request's business, not the batch's.
                    LOG.log(Level.FINE, "token sink failed", e);
                }
            });
            int row = 0;
            for (CompletionJob job : batch) {
                job.result().complete(List.copyOf(out.subList(row, row + job.rows())));
                row += job.rows();
            }
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "a batch of " + prompts.size() + " rows failed", e);
            batch.forEach(job -> job.result().completeExceptionally(e));
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        }
    }

    /** Refuses new jobs, lets the waiting and running ones finish, and stops the worker. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
