package dev.cota.sft.optim;

import java.util.List;

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
}
