package dev.cota.synth.mmtraj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cota.agent.backend.ChatMessage;
import dev.cota.agent.backend.ModelBackend;
import dev.cota.agent.backend.SamplingParams;
import dev.cota.data.codec.ChatRole;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * T3-Agent's two verifiers as model calls: the query-file verifier (MAT-Agent
 * {@code verifier/1_gaia_q_f_filter.py}: relevance and usefulness of the files for the query; the
 * images-only, GTA-style prompt shows the images and may return an {@code updated_query}) and the
 * trajectory verifier ({@code verifier/3_gaia_verifier_parallel.py}: tool use matches the query,
 * arguments, summaries, a relevant and correct answer, consistent with the files). A reply without a
 * verdict is null, which the pipeline counts as {@code verifier-unparsable}.
 */
final class MmTrajVerifiers {

    private final MmTrajPrompts prompts;
    private final ModelBackend backend;
    private final String toolSet;

    MmTrajVerifiers(MmTrajPrompts prompts, ModelBackend backend, String toolSet) {
        this.prompts = prompts;
        this.backend = backend;
        this.toolSet = toolSet;
    }

    /** The query-file verdict; images-only tasks get the GTA prompt with their pixels attached. */
    Verdict queryFile(String query, TaskFiles files, SamplingParams sampling) {
        List<ChatMessage> chat = new ArrayList<>();
        if (files.imagesOnly()) {
            chat.add(text(ChatRole.SYSTEM, MmTrajPrompts.fill(prompts.queryFileImagesSystem(), Map.of("TOOL_SET", toolSet))));
            String user = MmTrajPrompts.fill(prompts.queryFileImagesUser(),
                    Map.of("<query>", query, "<image_content>", files.captions()));
            chat.add(new ChatMessage(ChatRole.USER, (ChatMessage.IMAGE + "\n").repeat(files.pixels().size()) + plain(user),
                    files.pixels()));
        } else {
            chat.add(text(ChatRole.SYSTEM, prompts.queryFileFilesSystem()));
            chat.add(text(ChatRole.USER, MmTrajPrompts.fill(prompts.queryFileFilesUser(),
                    Map.of("<query>", query, "<file_content>", files.contents()))));
        }
        return Verdict.parse(backend.completeOne(chat, sampling));
    }

    /** The trajectory verdict over an MM-Traj record (its turns after the task, and its answer). */
    Verdict trajectory(String query, TaskFiles files, JsonNode record, SamplingParams sampling) {
        ArrayNode turns = ((ArrayNode) record.get("conversations")).deepCopy();
        if (!turns.isEmpty()) {
            turns.remove(0);
        }
        String answer = record.hasNonNull("answer") ? record.get("answer").asText() : "None";
        Map<String, String> values = Map.of("<query>", query, "<image_content>", files.captions(),
                "<file_content>", files.contents(), "<traj>", turns.toPrettyString(), "<execution_result>", answer,
                "<tool description>", toolSet);
        boolean images = files.imagesOnly();
        String system = MmTrajPrompts.fill(images ? prompts.trajectoryImagesSystem() : prompts.trajectoryFilesSystem(),
                Map.of("TOOL_SET", toolSet));
        String user = MmTrajPrompts.fill(images ? prompts.trajectoryImagesUser() : prompts.trajectoryFilesUser(), values);
        return Verdict.parse(backend.completeOne(List.of(text(ChatRole.SYSTEM, system), text(ChatRole.USER, user)),
                sampling));
    }

    /** A text-only message; a literal {@code <image>} in model-written text must not count as an image slot. */
    static ChatMessage text(ChatRole role, String content) {
        return new ChatMessage(role, plain(content), List.<BufferedImage>of());
    }

    static String plain(String s) {
        return s.replace(ChatMessage.IMAGE, "< image>");
    }
}
