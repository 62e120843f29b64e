package dev.cota.dpo.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each loss against values written out by hand (computed with Python's {@code math}, TRL's formulas):
 * three pairs with {@code d = 1, -0.75, 2.5}, {@code beta = 0.1}, {@code eps = 0.2}.
 */
class DpoLossTest {

    private static final double TOL = 1e-6;
    private static final double[] C = {-12.5, -7.25, -30.0};
    private static final double[] R = {-14.0, -6.0, -29.5};
    private static final double[] REF_C = {-13.0, -7.0, -31.0};
    private static final double[] REF_R = {-13.5, -6.5, -28.0};

    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        m.close();
    }

    private double[] losses(DpoLoss loss, double[] c, double[] r, double[] rc, double[] rr) {
        return loss.of(m.create(c), m.create(r), m.create(rc), m.create(rr)).losses().toDoubleArray();
    }

    @Test
    void sigmoid() {
        assertArrayEquals(new double[] {0.644396660074, 0.731350140827, 0.575939419879},
                losses(new DpoLoss(LossType.SIGMOID, 0.1, 0), C, R, REF_C, REF_R), TOL);
    }

    @Test
    void cdpoSmoothsTheLabels() {
        assertArrayEquals(new double[] {0.664396660074, 0.716350140827, 0.625939419879},
                losses(new DpoLoss(LossType.CDPO, 0.1, 0.2), C, R, REF_C, REF_R), TOL);
    }

    @Test
    void robust() {
        assertArrayEquals(new double[] {0.611063326740, 0.756350140827, 0.492606086546},
                losses(new DpoLoss(LossType.ROBUST, 0.1, 0.2), C, R, REF_C, REF_R), TOL);
    }

    @Test
    void hinge() {
        assertArrayEquals(new double[] {0.9, 1.075, 0.75}, losses(new DpoLoss(LossType.HINGE, 0.1, 0), C, R, REF_C, REF_R), TOL);
    }

    @Test
    void ipoOnMeanLogProbs() {
        // d = 0.125, 0, 0.75 with beta 0.5: (d - 1)^2
        double[] got = losses(new DpoLoss(LossType.IPO, 0.5, 0), new double[] {-1.25, -0.5, -2.0},
                new double[] {-1.5, -0.25, -1.0}, new double[] {-1.0, -0.75, -2.5}, new double[] {-1.125, -0.5, -0.75});
        assertArrayEquals(new double[] {0.765625, 1.0, 0.0625}, got, TOL);
    }

    @Test
    void rewardsAreBetaTimesTheLogRatios() {
        DpoLoss.Out out = new DpoLoss(LossType.SIGMOID, 0.1, 0).of(m.create(C), m.create(R), m.create(REF_C), m.create(REF_R));
        assertArrayEquals(new double[] {0.05, -0.025, 0.1}, out.chosenRewards().toDoubleArray(), TOL);
        assertArrayEquals(new double[] {-0.05, 0.05, -0.15}, out.rejectedRewards().toDoubleArray(), TOL);
    }

    @Test
    void equalPolicyAndReferenceGiveLnTwo() {
        double[] same = {-3.0, -40.0};
        DpoLoss.Out out = new DpoLoss(LossType.SIGMOID, 0.1, 0).of(m.create(same), m.create(same), m.create(same),
                m.create(same));
        assertArrayEquals(new double[] {Math.log(2), Math.log(2)}, out.losses().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, out.chosenRewards().toDoubleArray(), 0);
    }

    @Test
    void logSigmoidStaysFiniteFarOut() {
        // beta d = +50 and -50: -log sigmoid is 1.93e-22 and 50 + 1.93e-22
        double[] got = losses(new DpoLoss(LossType.SIGMOID, 0.1, 0), new double[] {500, -500}, new double[] {0, 0},
                new double[] {0, 0}, new double[] {0, 0});
        assertEquals(0.0, got[0], TOL);
        assertEquals(50.0, got[1], TOL);
    }

    @Test
    void theGradientOfSigmoidIsMinusBetaSigmoidOfMinusBetaD() {
        NDArray c = m.create(new double[] {-12.5});
        c.setRequiresGradient(true);
        try (var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray loss = new DpoLoss(LossType.SIGMOID, 0.1, 0).of(c, m.create(new double[] {-14.0}),
                    m.create(new double[] {-13.0}), m.create(new double[] {-13.5})).losses().sum();
            gc.backward(loss);
        }
        // d = 1: dL/dc = -beta * sigmoid(-0.1) = -0.1 * 0.475020812521
        assertEquals(-0.0475020812521, c.getGradient().toDoubleArray()[0], TOL);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DpoLoss(LossType.CDPO, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DpoLoss(LossType.SIGMOID, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DpoLoss(LossType.ROBUST, 0.1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new DpoLoss(LossType.IPO, 0.1, 0.1));
    }
}
