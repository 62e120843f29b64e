package dev.cota.synth.program;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The program generator's templates by name, one registration each. */
final class Templates {

    private static final Map<String, Template> BY_NAME = new LinkedHashMap<>();

    static {
        register(new BarChartTemplate(BarChartTemplate.Kind.SUM));
        register(new BarChartTemplate(BarChartTemplate.Kind.DIFF));
        register(new BarChartTemplate(BarChartTemplate.Kind.MAX_CHOICE));
        register(new TableTemplate());
        register(new ReceiptTemplate());
        register(new EquationTemplate());
        register(new ArithmeticTemplate());
        register(new ShapesTemplate(ShapesTemplate.Kind.ZOOM));
        register(new ShapesTemplate(ShapesTemplate.Kind.CROP_SUM));
    }

    private Templates() {
    }

    private static void register(Template t) {
        if (BY_NAME.putIfAbsent(t.name(), t) != null) {
            throw new IllegalStateException("two templates named " + t.name());
        }
    }

    /** The template of a name; null when there is none. */
    static Template get(String name) {
        return BY_NAME.get(name);
    }

    /** Every template name, in registration order. */
    static Set<String> names() {
        return BY_NAME.keySet();
    }
}
