package dev.cota.bench.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cota.bench.Suite;
import dev.cota.bench.Suites;
import dev.cota.agent.tool.Tools;
import dev.cota.core.CotaException;
import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark suite as {@code configs/suites/<name>.yaml} configures it (lm-evaluation-harness's
 * task YAMLs): what it is, which official release and scorer it uses, how an item becomes the
 * prompt, and which runner asks the model. Defaults, all in this constructor: {@code loader} and
 * {@code scorer} the suite's own name, {@code data: datasets/bench/<name>} (the bundled sample),
 * {@code prompt: "{question}"}, {@code runner: direct}, {@code judge: none}.
 *
 * @param name the suite's stable lower-case name
 * @param version the official release the suite reproduces (informative, recorded with every run)
 * @param loader the registered suite whose loader reads the data
 * @param data the directory holding the official release, as published
 * @param prompt the prompt template ({@link PromptTemplate}); must use {@code {question}}
 * @param runner how the model is asked: {@code direct}, {@code cota}, {@code react} or {@code reason-summary}
 * @param scorer the registered suite whose official scorer scores the answers
 * @param judge the LLM judge the scorer asks, or {@code none}
 * @param tools the actions the {@code cota} runner offers, in prompt order (Terminate is always
 *     offered); null for every built-in TACO action ({@code CotaRunner.tacoTools()})
 * @param systemPrompt the {@code cota} runner's system prompt: {@code full} (TACO's default, with
 *     the action descriptions and demonstrations) or {@code simple} (TACO's {@code --simple-prompt})
 */
public record SuiteConfig(String name, String version, String loader, String data, String prompt, String runner,
                          String scorer, String judge, List<String> tools,
                          @JsonProperty("system-prompt") String systemPrompt) {

    /** One chat turn, no agent loop. */
    public static final String DIRECT = "direct";
    /** The runners a suite may name. */
    public static final List<String> RUNNERS = List.of(DIRECT, "cota", "react", "reason-summary");
    /** The judge value meaning "no judge". */
    public static final String NO_JUDGE = "none";
    /** Where the bundled suite configs lie on the class path (copied from {@code configs/suites/}). */
    static final String RESOURCES = "/dev/cota/bench/suites/";

    /** A suite config with the {@code cota} runner's defaults (every TACO action, the full prompt). */
    public SuiteConfig(String name, String version, String loader, String data, String prompt, String runner,
                       String scorer, String judge) {
        this(name, version, loader, data, prompt, runner, scorer, judge, null, null);
    }

    public SuiteConfig {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("name must be a lower-case suite name, not " + name);
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version (of the official release) is required");
        }
        loader = loader == null ? name : loader;
        scorer = scorer == null ? name : scorer;
        data = data == null ? "datasets/bench/" + name : data;
        prompt = prompt == null ? "{question}" : prompt;
        runner = runner == null ? DIRECT : runner;
        judge = judge == null ? NO_JUDGE : judge;
        for (String suite : List.of(loader, scorer)) {
            if (!Suites.names().contains(suite)) {
                throw new IllegalArgumentException("'" + suite + "' is not a registered suite; known suites: "
                        + String.join(", ", Suites.names()));
            }
        }
        if (data.isBlank()) {
            throw new IllegalArgumentException("data must name a directory");
        }
        PromptTemplate.validate(prompt);
        if (!RUNNERS.contains(runner)) {
            throw new IllegalArgumentException("runner '" + runner + "' is not one of " + String.join(", ", RUNNERS));
        }
        if (judge.isBlank()) {
            throw new IllegalArgumentException("judge must be 'none' or a judge's name");
        }
        tools = tools == null ? null : List.copyOf(tools);
        for (String tool : tools == null ? List.<String>of() : tools) {
            try {
                Tools.get(tool);
            } catch (CotaException e) {
                throw new IllegalArgumentException("tools: " + e.getMessage(), e);
            }
        }
        systemPrompt = systemPrompt == null ? "full" : systemPrompt;
        if (!List.of("full", "simple").contains(systemPrompt)) {
            throw new IllegalArgumentException("system-prompt must be full or simple, not " + systemPrompt);
        }
    }

    /** Reads a suite config file strictly (unknown keys are errors naming the known ones). */
    public static SuiteConfig load(Path file) {
        return Configs.load(file, SuiteConfig.class);
    }

    /** The config bundled for a registered suite (the jar's copy of {@code configs/suites/<name>.yaml}). */
    public static SuiteConfig bundled(String name) {
        Suites.get(name);
        String resource = RESOURCES + name + ".yaml";
        try (InputStream in = SuiteConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("suite '" + name + "' has no bundled config (configs/suites/" + name + ".yaml)");
            }
            JsonNode tree = Json.yaml().readTree(in);
            return Configs.bind(tree, SuiteConfig.class, "configs/suites/" + name + ".yaml");
        } catch (IOException e) {
            throw new ConfigException("configs/suites/" + name + ".yaml: cannot read: " + e.getMessage(), e);
        }
    }

    /** The suite with this config's loader and scorer. */
    public Suite suite() {
        return new Suite(name, Suites.get(loader).loader(), Suites.get(scorer).scorer());
    }

    public SuiteConfig withRunner(String r) {
        return new SuiteConfig(name, version, loader, data, prompt, r, scorer, judge, tools, systemPrompt);
    }

    public SuiteConfig withData(String dir) {
        return new SuiteConfig(name, version, loader, dir, prompt, runner, scorer, judge, tools, systemPrompt);
    }

    /** This config with the {@code cota} runner's actions and system prompt. */
    public SuiteConfig withAgent(List<String> agentTools, String agentPrompt) {
        return new SuiteConfig(name, version, loader, data, prompt, runner, scorer, judge, agentTools, agentPrompt);
    }

    /** The config as a JSON object, keys in declaration order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("version", version);
        m.put("loader", loader);
        m.put("data", data);
        m.put("prompt", prompt);
        m.put("runner", runner);
        m.put("scorer", scorer);
        m.put("judge", judge);
        if (tools != null) {
            m.put("tools", tools);
        }
        if (!systemPrompt.equals("full")) {
            m.put("system-prompt", systemPrompt);
        }
        return m;
    }
}
