package dev.cota.dpo.iterate;

import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iterate.runner: reply}: one reply per sample ({@link PolicySampler}), its final answer read
 * by {@code iterate.answer-pattern} ({@link AnswerExtractor}) and scored against the reference;
 * samples are kept in {@code samples.jsonl} ({@link RoundFiles}).
 */
final class ReplySampler implements RoundSampler {

    private final PolicySampler sampler;
    private final AnswerExtractor extractor;

    ReplySampler(IterateSection it) {
        this.sampler = new PolicySampler(it.batchSize());
        this.extractor = new AnswerExtractor(it.answerPattern());
    }

    @Override
    public List<List<Sample>> sample(ModelBackend policy, List<IterPrompt> prompts, int n, SamplingParams params) {
        List<List<String>> replies = sampler.sample(policy, prompts, n, params);
        List<List<Sample>> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            List<Sample> s = new ArrayList<>();
            for (String reply : replies.get(i)) {
                String prediction = extractor.extract(reply);
                s.add(new Sample(reply, prediction, Sample.score(prediction, prompts.get(i).answer())));
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public String samplesFile() {
        return RoundFiles.SAMPLES;
    }

    @Override
    public String heldoutFile() {
        return null;
    }

    @Override
    public void write(Path file, List<IterPrompt> prompts, List<List<Sample>> samples) throws IOException {
        RoundFiles.writeSamples(file, prompts, samples);
    }

    @Override
    public List<List<Sample>> read(Path file, List<IterPrompt> prompts) throws IOException {
        return RoundFiles.readSamples(file, prompts);
    }
}
