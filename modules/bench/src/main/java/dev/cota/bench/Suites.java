package dev.cota.bench;

import dev.cota.core.CotaException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The registry of benchmark suites, by name: one registration line per suite. */
public final class Suites {

    private static final Map<String, Suite> SUITES = new TreeMap<>();

    static {
        register(new Suite("blink", new dev.cota.bench.blink.BlinkLoader(), new dev.cota.bench.blink.BlinkScorer()));
        register(new Suite("mmvp", new dev.cota.bench.mmvp.MmvpLoader(), new dev.cota.bench.mmvp.MmvpScorer()));
        register(new Suite("cvbench", new dev.cota.bench.cvbench.CvBenchLoader(), new dev.cota.bench.cvbench.CvBenchScorer()));
        register(new Suite("aokvqa", new dev.cota.bench.aokvqa.AokvqaLoader(), new dev.cota.bench.aokvqa.AokvqaScorer()));
        register(new Suite("realworldqa", new dev.cota.bench.realworldqa.RealWorldQaLoader(), new dev.cota.bench.realworldqa.RealWorldQaScorer()));
        register(new Suite("mmvet", new dev.cota.bench.mmvet.MmVetLoader(), new dev.cota.bench.mmvet.MmVetScorer()));
        register(new Suite("gaia", new dev.cota.bench.gaia.GaiaLoader(), new dev.cota.bench.gaia.GaiaScorer()));
        register(new Suite("vqav2", new dev.cota.bench.vqav2.Vqav2Loader(), new dev.cota.bench.vqav2.VqaScorer()));
        register(new Suite("textvqa", new dev.cota.bench.textvqa.TextVqaLoader(), new dev.cota.bench.vqav2.VqaScorer()));
        register(new Suite("docvqa", new dev.cota.bench.docvqa.DocVqaLoader(), new dev.cota.bench.docvqa.AnlsScorer()));
        register(new Suite("chartqa", new dev.cota.bench.chartqa.ChartQaLoader(),
                new dev.cota.bench.chartqa.RelaxedAccuracyScorer()));
        register(new Suite("mathvista", new dev.cota.bench.mathvista.MathVistaLoader(), new dev.cota.bench.mathvista.MathVistaScorer()));
        register(new Suite("mmmu", new dev.cota.bench.mmmu.MmmuLoader(), new dev.cota.bench.mmmu.MmmuScorer()));
        register(new Suite("mme", new dev.cota.bench.mme.MmeLoader(), new dev.cota.bench.mme.MmeScorer()));
        register(new Suite("mmbench", new dev.cota.bench.mmbench.MmbenchLoader(), new dev.cota.bench.mmbench.MmbenchScorer()));
        register(new Suite("mmstar", new dev.cota.bench.mmstar.MmstarLoader(), new dev.cota.bench.mmstar.MmstarScorer()));
        register(new Suite("cota-traces", new dev.cota.bench.cotatraces.CotaTracesLoader(),
                new dev.cota.bench.cotatraces.CotaTracesScorer()));
        register(new Suite("gta", new dev.cota.bench.gta.GtaLoader(), new dev.cota.bench.gta.GtaScorer()));
    }

    private Suites() {
    }

    static void register(Suite suite) {
        if (SUITES.putIfAbsent(suite.name(), suite) != null) {
            throw new IllegalStateException("two suites named " + suite.name());
        }
    }

    /** The suite of a name; an error listing the known names otherwise. */
    public static Suite get(String name) {
        Suite s = SUITES.get(name);
        if (s == null) {
            throw new CotaException("unknown suite '" + name + "'; known suites: " + String.join(", ", SUITES.keySet()));
        }
        return s;
    }

    public static Collection<String> names() {
        return Collections.unmodifiableSet(SUITES.keySet());
    }
}
