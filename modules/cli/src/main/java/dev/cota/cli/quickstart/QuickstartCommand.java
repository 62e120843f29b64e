package dev.cota.cli.quickstart;

import dev.cota.bench.report.ComparisonReport;
import dev.cota.bench.run.SuiteConfig;
import dev.cota.cli.JsonOutput;
import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.core.io.AtomicOutput;
import dev.cota.core.json.JsonValues;
import dev.cota.core.provenance.Provenance;
import dev.cota.data.pipeline.Variant;
import dev.cota.synth.program.ProgramConfig;
import dev.cota.synth.run.SynthRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cota quickstart}: TACO's finding (Ma et al., 2024, arXiv:2412.05479) in miniature on a CPU:
 * synthesizes questions that need reading values and arithmetic, trains a tokenizer, fine-tunes a
 * tiny VLM on the Direct and on the CoTA variant of the same questions, evaluates both on held-out
 * questions (the CoTA model through the agent loop with the real tools) and writes
 * {@code report.html}, {@code report.md} and {@code summary.json}. Every stage runs the module the
 * matching command runs, in a directory addressed by its config and inputs, so a rerun reuses it.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Synthesize, train Direct and CoTA models, evaluate and report (configs/quickstart.yaml).")
public final class QuickstartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${sys:cota.home:-.}",
            description = "cota's checkout (holds configs/). Default: ${DEFAULT-VALUE}.")
    Path home;

    @Option(names = "--config", paramLabel = "YAML", description = "The recipe. Default: HOME/configs/quickstart.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a recipe value (repeatable), e.g. synth.count=600.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--smoke", description = "Apply the recipe's smoke overrides: a run of under two minutes (what CI runs).")
    boolean smoke;

    @Option(names = "--fresh", description = "Delete OUT's stages and start over.")
    boolean fresh;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default: HOME/results/quickstart.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        System.setProperty("java.awt.headless", "true");
        long t0 = System.nanoTime();
        PrintStream err = System.err;          // the modules' progress
        PrintWriter con = spec.commandLine().getErr();   // the stage headers and the result
        Path file = config != null ? config : home.resolve("configs/quickstart.yaml");
        List<String> sets = new ArrayList<>();
        if (smoke) {
            sets.addAll(Configs.load(file, QuickstartConfig.class).smoke());
        }
        sets.addAll(overrides);
        QuickstartConfig c = Configs.load(file, QuickstartConfig.class, sets);
        Path base = file.toAbsolutePath().getParent();
        Path outDir = (out != null ? out : home.resolve("results/quickstart")).toAbsolutePath();
        if (fresh) {
            deleteTree(outDir.resolve("stages"));
        }
        int total = 7;

        ProgramConfig program = QuickstartStages.programConfig(base.resolve(c.synth().config()), c.synth());
        Stage synth = Stage.of(outDir, "synth", List.of(program, c.synth().threads()));
        synth.header(con, 1, total, "cota synth --generator program (" + c.synth().count() + " questions, real OCR)");
        Map<String, Object> synthSummary = synth.done() ? synth.summary()
                : synth.finish(QuickstartStages.synth(synth, program, c.synth().threads(), err));
        con.println("   " + JsonValues.toJson(synthSummary.get("train_by_variant")) + " train traces, held out "
                + JsonValues.toJson(synthSummary.get("traces_by_split")));

        Path sftBase = base.resolve(c.sft().config());
        String template = QuickstartStages.template(sftBase, c.sft().set());
        Stage tok = Stage.of(outDir, "tokenizer", List.of(synth.hash(), c.tokenizer(), template,
                c.sft().cotaCodec(), c.sft().directCodec()));
        tok.header(con, 2, total, "cota tokenizer train (byte-level BPE, " + c.tokenizer().vocabSize() + " tokens, "
                + c.tokenizer().preTokenizer() + " pre-tokenizer, on the traces as " + template + " renders them)");
        if (!tok.done()) {
            tok.finish(QuickstartStages.tokenizer(tok, synth, c, template));
        }

        Stage pre = null;
        if (c.pretrain().enabled()) {
            Path preBase = base.resolve(c.pretrain().config());
            List<String> o = new ArrayList<>(c.pretrain().set());
            o.add("model.tokenizer=" + tok.dir());
            pre = Stage.of(outDir, "pretrain", List.of(tok.hash(), synth.hash(), c.pretrain(),
                    QuickstartStages.recipe(preBase, o)));
            o.add("data.train.0.path=" + QuickstartStages.copyFile(pre));
            pre.header(con, 3, total, "cota train sft on a copy corpus (" + c.pretrain().count()
                    + " 'Copy: X Y Z' traces): both runs start from a decoder that repeats what it reads");
            if (!pre.done()) {
                pre.finish(QuickstartStages.pretrain(pre, synth, c.pretrain(), preBase, o, err));
            }
        } else {
            con.printf("%n== [3/%d] pretrain: off (pretrain.enabled: false)%n", total);
        }
        Map<String, Stage> sft = new LinkedHashMap<>();
        int index = 4;
        for (Variant v : List.of(Variant.DIRECT, Variant.COTA)) {
            List<String> o = new ArrayList<>(c.sft().set());
            if (pre != null) {
                o.add("model.init=null");
                o.add("model.path=" + pre.dir().resolve("final"));
            }
            o.add("model.tokenizer=" + tok.dir());
            o.add("data.train.0.path=" + QuickstartStages.trainFile(synth, v));
            o.add("encode.codec=" + (v == Variant.DIRECT ? c.sft().directCodec() : c.sft().cotaCodec()));
            Stage s = Stage.of(outDir, "sft-" + v.jsonName(), List.of(tok.hash(), QuickstartStages.recipe(sftBase, o), o));
            s.header(con, index++, total, "cota train sft on the " + v.jsonName() + " variant");
            if (!s.done()) {
                s.finish(QuickstartStages.sft(s, sftBase, o, err));
            }
            sft.put(v.jsonName(), s);
        }
        // The models to evaluate: name -> (runner, checkpoint, the stage whose output it is).
        List<Evaluated> models = new ArrayList<>();
        models.add(new Evaluated("direct", SuiteConfig.DIRECT, sft.get("direct").dir().resolve("final"), sft.get("direct")));
        models.add(new Evaluated("cota", "cota", sft.get("cota").dir().resolve("final"), sft.get("cota")));
        Map<String, Object> dpoSummary = null;
        if (c.dpo().enabled()) {
            Path dpoBase = base.resolve(c.dpo().config());
            List<String> o = new ArrayList<>(c.dpo().set());
            o.add("model.path=" + sft.get("cota").dir().resolve("final"));
            o.add("prompts.train.0.path=" + QuickstartStages.trainFile(synth, Variant.COTA));
            o.add("prompts.heldout.0.path=" + synth.dir().resolve(SynthRun.HELDOUT));
            Stage d = Stage.of(outDir, "dpo", List.of(sft.get("cota").hash(), Files.readString(dpoBase), o));
            d.header(con, 6, total, "cota dpo iterate on the cota model (agent episodes with the real tools as samples)");
            dpoSummary = d.done() ? d.summary() : d.finish(QuickstartStages.dpo(d, dpoBase, o, err));
            models.add(new Evaluated("cota_dpo", "cota", Path.of((String) dpoSummary.get("policy")), d));
        } else {
            con.printf("%n== [6/%d] dpo: off (dpo.enabled: false)%n", total);
        }

        SuiteConfig suite = SuiteConfig.load(base.resolve(c.eval().suite())).withData(synth.dir().toString());
        Map<Path, String> heldout = new LinkedHashMap<>();
        Map<String, Object> official = new LinkedHashMap<>();
        Map<Path, String> officialRuns = new LinkedHashMap<>();
        con.printf("%n== [7/%d] cota bench run: held-out questions and bundled suite samples%n", total);
        for (Evaluated m : models) {
            SuiteConfig s = suite.withRunner(m.runner());
            Stage run = Stage.of(outDir, "eval-" + m.name(), List.of(m.stage().hash(), s.toJson(), c.eval()));
            con.println("   " + m.name() + " (runner " + m.runner() + ") -> " + run.dir() + (run.done() ? "  (done: reused)" : ""));
            if (!run.done()) {
                run.finish(QuickstartStages.bench(run, s, m.checkpoint(), c.eval(), c.eval().limit(), err));
            }
            heldout.put(run.dir(), m.name());
            for (String name : c.eval().official()) {
                SuiteConfig o = SuiteConfig.bundled(name).withData(home.resolve("datasets/bench/" + name).toString())
                        .withRunner(m.runner()).withAgent(suite.tools(), suite.systemPrompt());
                Stage or = Stage.of(outDir, "official-" + name + "-" + m.name(), List.of(m.stage().hash(), o.toJson(), c.eval()));
                con.println("   " + name + " / " + m.name() + " -> " + or.dir() + (or.done() ? "  (done: reused)" : ""));
                Map<String, Object> sum = or.done() ? or.summary()
                        : or.finish(QuickstartStages.bench(or, o, m.checkpoint(), c.eval(), c.eval().officialLimit(), err));
                official.put(name + "/" + m.name(), sum);
                officialRuns.put(or.dir(), m.name());
            }
        }

        con.printf("%n== report%n");
        Map<Path, String> all = new LinkedHashMap<>(heldout);
        all.putAll(officialRuns);
        ComparisonReport report = QuickstartReport.compare(all, c.report());
        ComparisonReport.Section h = QuickstartReport.section(report, suite.name());
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> heldoutJson = new LinkedHashMap<>();
        for (ComparisonReport.Column col : h.models()) {
            heldoutJson.put(col.model(), QuickstartReport.interval(col.overall()));
        }
        if (dpoSummary == null) {
            heldoutJson.put("cota_dpo", "not run (dpo.enabled: false)");
        }
        result.put("heldout", heldoutJson);
        ComparisonReport.Comparison test = h.tests().stream()
                .filter(t -> t.baseline().equals("direct") && t.model().equals("cota")).findFirst().orElse(null);
        Map<String, Object> paired = new LinkedHashMap<>();
        if (test != null) {
            paired.put("baseline", test.baseline());
            paired.put("model", test.model());
            paired.put("method", test.test().method());
            paired.put("n", test.test().n());
            // PairedTest counts from the first (baseline) run's side: better = the baseline scored higher.
            paired.put(test.baseline() + "_better", test.test().better());
            paired.put(test.model() + "_better", test.test().worse());
            paired.put("p_value", test.test().pValue());
        }
        result.put("direct_vs_cota", paired);
        Map<String, Path> trainRuns = new LinkedHashMap<>();
        sft.forEach((k, s) -> trainRuns.put(k, s.dir()));
        Map<String, Map<String, Object>> tools = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : heldout.entrySet()) {
            if (!e.getValue().equals("direct")) {
                tools.put(e.getValue(), QuickstartReport.toolCalls(e.getKey()));
            }
        }
        result.put("tool_calls", tools);
        if (dpoSummary != null) {
            result.put("dpo", dpoSummary);
        }
        result.put("official", official);
        result.put("synth", synthSummary);
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("synth", synth.dir().toString());
        stages.put("tokenizer", tok.dir().toString());
        if (pre != null) {
            stages.put("pretrain", pre.dir().toString());
        }
        trainRuns.forEach((k, p) -> stages.put("sft-" + k, p.toString()));
        models.stream().filter(m -> m.name().equals("cota_dpo")).forEach(m -> stages.put("dpo", m.stage().dir().toString()));
        heldout.forEach((p, k) -> stages.put("eval-" + k, p.toString()));
        result.put("stages", stages);
        result.put("smoke", smoke);
        double seconds = (System.nanoTime() - t0) / 1e9;
        result.put("wall_s", seconds);
        result.put("provenance", Provenance.capture("quickstart", dev.cota.core.json.Json.mapper().valueToTree(c), null, null).toJson());
        Map<String, List<double[]>> losses = QuickstartReport.losses(trainRuns);
        if (dpoSummary != null) {
            losses.putAll(QuickstartReport.dpoLosses(models.get(models.size() - 1).stage().dir()));
        }
        List<String> notes = List.of(
                "Tiny VLMs trained from scratch on the same synthesized questions: 'direct' on answer-only traces, asked "
                        + "directly; 'cota' on chains of thought and action, run through the CoTA agent loop with the real "
                        + "tools (OCR, Calculate, ...)" + (dpoSummary == null ? "." : "; 'cota_dpo' is 'cota' after "
                        + "iterative DPO on its own episodes (a right episode preferred over a wrong one), run the same way."));
        QuickstartReport.write(outDir, report, losses, tools, notes);
        AtomicOutput.write(outDir.resolve("summary.json"), (JsonValues.toJson(result) + "\n").getBytes(StandardCharsets.UTF_8));
        con.printf("%nheld-out accuracy: %s%nDirect vs CoTA: %s%nwrote %s, %s, %s (%.0f s)%n",
                JsonValues.toJson(heldoutJson), JsonValues.toJson(paired), outDir.resolve("report.html"),
                outDir.resolve("report.md"), outDir.resolve("summary.json"), seconds);
        con.flush();
        JsonOutput.line(spec.commandLine().getOut(), Map.of("heldout", heldoutJson, "direct_vs_cota", paired,
                "out", outDir.toString()));
        return 0;
    }

    /** A model the quickstart evaluates: its name in the report, its runner, its checkpoint, the stage that made it. */
    private record Evaluated(String name, String runner, Path checkpoint, Stage stage) {
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
