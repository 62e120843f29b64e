package dev.cota.bench.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.config.ConfigException;
import dev.cota.core.config.Configs;
import dev.cota.core.json.Json;
import org.junit.jupiter.api.Test;

/** JudgeConfig: defaults, validation, strict binding. */
class JudgeConfigTest {

    @Test
    void defaultsAreTheOfficialOnes() {
        JudgeConfig c = JudgeConfig.of("https://api.openai.com/v1", "gpt-4-0613");
        assertEquals("OPENAI_API_KEY", c.apiKeyEnv());
        assertEquals(1, c.runs());
    }

    @Test
    void invalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> JudgeConfig.of("ftp://x/v1", "m"));
        assertThrows(IllegalArgumentException.class, () -> JudgeConfig.of("not a url", "m"));
        assertThrows(IllegalArgumentException.class, () -> JudgeConfig.of("http://x/v1", " "));
        assertThrows(IllegalArgumentException.class, () -> new JudgeConfig("http://x/v1", "m", "", null));
        assertThrows(IllegalArgumentException.class, () -> new JudgeConfig("http://x/v1", "m", null, 0));
    }

    @Test
    void bindsStrictly() throws Exception {
        JudgeConfig c = Configs.bind(Json.yaml().readTree("base_url: http://localhost:8000/v1\nmodel: m\nruns: 5\n"),
                JudgeConfig.class, "judge.yaml");
        assertEquals(5, c.runs());
        ConfigException e = assertThrows(ConfigException.class, () -> Configs.bind(
                Json.yaml().readTree("base_url: http://localhost:8000/v1\nmodel: m\nnum_run: 5\n"), JudgeConfig.class,
                "judge.yaml"));
        assertTrue(e.getMessage().startsWith("judge.yaml: unknown config key 'num_run'"), e.getMessage());
    }
}
