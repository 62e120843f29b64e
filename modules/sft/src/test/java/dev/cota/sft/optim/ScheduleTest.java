package dev.cota.sft.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Values of Hugging Face's schedulers (transformers.optimization), written out by hand. */
class ScheduleTest {

    @Test
    void cosineWithWarmupMatchesTransformers() {
        // get_cosine_schedule_with_warmup(num_warmup_steps=3, num_training_steps=10): lambda(s) =
        // s/3 for s < 3, else 0.5 * (1 + cos(pi * (s-3)/7)).
        Schedule s = Schedule.of(Schedule.Kind.COSINE, 0.3, 10, 0.0);
        assertEquals(3, s.warmup());
        assertEquals(0.0, s.factor(0));
        assertEquals(1.0 / 3, s.factor(1), 1e-15);
        assertEquals(1.0, s.factor(3), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 2 / 7)), s.factor(5), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 6 / 7)), s.factor(9), 1e-15);
    }

    @Test
    void warmupStepsAreTheCeilingOfTheRatio() {
        // TrainingArguments.get_warmup_steps: math.ceil(num_training_steps * warmup_ratio); TACO: 0.03.
        assertEquals(1, Schedule.of(Schedule.Kind.COSINE, 0.03, 10, 0).warmup());
        assertEquals(31, Schedule.of(Schedule.Kind.COSINE, 0.03, 1001, 0).warmup());
        assertEquals(0, Schedule.of(Schedule.Kind.COSINE, 0.0, 10, 0).warmup());
    }

    @Test
    void linearDecaysToTheFloorAndConstantStays() {
        Schedule lin = Schedule.of(Schedule.Kind.LINEAR, 0.2, 10, 0.0);
        assertEquals(0.5, lin.factor(1), 1e-15);
        assertEquals(1.0, lin.factor(2), 1e-15);
        assertEquals(0.5, lin.factor(6), 1e-15);
        assertEquals(0.125, lin.factor(9), 1e-15);
        Schedule floor = Schedule.of(Schedule.Kind.LINEAR, 0.0, 10, 0.1);
        assertEquals(0.1 + 0.9 * 0.5, floor.factor(5), 1e-15);
        Schedule c = Schedule.of(Schedule.Kind.CONSTANT, 0.2, 10, 0.0);
        assertEquals(0.5, c.factor(1), 1e-15);
        assertEquals(1.0, c.factor(9), 1e-15);
    }
}
