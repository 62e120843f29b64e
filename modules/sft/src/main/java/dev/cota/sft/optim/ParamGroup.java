package dev.cota.sft.optim;

import dev.cota.core.config.ConfigException;
import dev.cota.sft.config.TrainSection;
import dev.cota.sft.model.TrainableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights that share a learning rate (PyTorch's optimizer {@code param_groups}): the vision tower,
 * the projector and the language model can each have their own.
 *
 * @param name the group's name ({@code vision}, {@code projector}, {@code llm})
 * @param lr peak learning rate
 * @param names the parameter names in the group
 */
public record ParamGroup(String name, double lr, List<String> names) {

    public ParamGroup {
        names = List.copyOf(names);
    }

    /**
     * One group per model part with trainable weights ({@code vision}, {@code projector}, {@code llm}),
     * each at its configured rate ({@code vision-lr}, {@code projector-lr}, else {@code lr}).
     *
     * @throws ConfigException when every weight is frozen
     */
    public static List<ParamGroup> byPart(TrainableModel model, TrainSection train) {
        Map<String, List<String>> byPart = new LinkedHashMap<>();
        for (String name : model.parameters().trainable()) {
            byPart.computeIfAbsent(model.part(name), k -> new ArrayList<>()).add(name);
        }
        List<ParamGroup> groups = new ArrayList<>();
        byPart.forEach((part, names) -> groups.add(new ParamGroup(part, switch (part) {
            case "vision" -> train.visionLr() != null ? train.visionLr() : train.lr();
            case "projector" -> train.projectorLr() != null ? train.projectorLr() : train.lr();
            default -> train.lr();
        }, names)));
        if (groups.isEmpty()) {
            throw new ConfigException("every weight is frozen (train.freeze): nothing to train");
        }
        return groups;
    }
}
