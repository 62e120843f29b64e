"""Writes the bundled samples of the Insight-V, LLaVA, ShareGPT (LLaMA-Factory) and OpenAI-messages formats.

Run from anywhere: `python3 tools/samples/make_other.py`. Output is deterministic (no clocks, no randomness),
so re-running it leaves `git status` clean. Every record follows the released schema of its format:

- datasets/samples/insight-v/: LLaVA-style JSON arrays as Insight-V's llava/train/train.py reads them
  (reasoning agent: question + "Perform step-by-step reasoning..." -> `<thoughts>` chain; summary agent:
  the summary prompt of Insight-V's infer_two_models.py -> final answer) and LLaVA-NeXT train_dpo.py rows
  `{id, prompt, answer, chosen, rejected, image}` for Insight-V's DPO stage.
- datasets/insight-v-qa/: train.json / heldout.json, text-only rows of the DPO shape (no image; chosen = the
  answer, rejected = a wrong one): the prompts of the tiny `cota dpo iterate` run (configs/dpo/iterate-tiny.yaml)
  and the data of the SFT run it starts from (configs/sft/qa-tiny.yaml). Kept out of samples/, whose folders
  tests read whole.
- datasets/samples/llava/: LLaVA instruction JSON `{id, image, conversations:[{from, value}]}`.
- datasets/samples/sharegpt/: LLaMA-Factory ShareGPT `{conversations, system, tools, images}` with
  function_call / observation turns (data/README.md of hiyouga/LLaMA-Factory).
- datasets/samples/openai/: OpenAI chat `{id, messages, tools}` as JSON Lines, with tool_calls and image parts.
"""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sample_images import png_bytes, write_png  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets", "samples"))

# Insight-V's prompts, verbatim from dongyh20/Insight-V infer_two_models.py (typos included: the released
# summary agent was trained on exactly this text).
REASON_SUFFIX = "\n\nPerform step-by-step reasoning of the problem. Only provide the reasoning process."
SUMMARY_PREFIX = (
    "I will give you a reasoning process of the question. You should determine whether the reasoning process "
    "is correct about the question. If it is correct, please summarize the answer based on the reasoning process. "
    "If it is incorrect, answer the question and ignore the reasoning process. You shold directly give the "
    "summarization or answer as you are directly answer the QUESTION  without saying your judgement about the "
    "reasoning process.\n\nQUESTION: "
)

# (question, [(step title, step content)], answer, [(rejected step title, content)])
PROBLEMS = [
    ("The bar chart shows monthly sales of a bakery. How many more loaves were sold in March than in January?\n"
     "Answer the question using a single word or phrase.",
     [("Identify the chart", "The image is a vertical bar chart with months on the x-axis and loaves sold on the y-axis."),
      ("Read the January bar", "The January bar reaches 120 loaves."),
      ("Read the March bar", "The March bar reaches 185 loaves."),
      ("Compute the difference", "185 - 120 = 65, so March exceeds January by 65 loaves.")],
     "65",
     [("Identify the chart", "The image is a bar chart of monthly sales."),
      ("Read the bars", "January shows 150 loaves and March shows 185 loaves."),
      ("Compute the difference", "185 - 150 = 35.")]),
    ("What is the total amount due on this receipt?\nAnswer the question using a single word or phrase.",
     [("Locate the line items", "The receipt lists coffee 3.50, bagel 2.25 and orange juice 4.10."),
      ("Check for tax", "A tax line of 0.79 is printed under the subtotal of 9.85."),
      ("Add tax to the subtotal", "9.85 + 0.79 = 10.64, which matches the TOTAL line at the bottom.")],
     "10.64",
     [("Locate the line items", "The receipt lists coffee 3.50, bagel 2.25 and orange juice 4.10."),
      ("Sum the items", "3.50 + 2.25 + 4.10 = 9.85, so the total is 9.85.")]),
    ("Solve for x in the equation shown in the image.\nA. 3\nB. 4\nC. 6\nD. 8\n"
     "Answer with the option's letter from the given choices directly.",
     [("Transcribe the equation", "The image shows the equation 2x + 5 = 17."),
      ("Isolate the variable", "Subtract 5 from both sides to get 2x = 12, then divide by 2 to get x = 6."),
      ("Verify the solution", "Substituting x = 6 gives 2 * 6 + 5 = 17, so the solution holds."),
      ("Match the options", "The value 6 corresponds to option C.")],
     "C",
     [("Transcribe the equation", "The image shows the equation 2x + 5 = 17."),
      ("Solve", "Dividing 17 by 2 gives about 8, so x = 8, option D.")]),
    ("According to the pie chart, which energy source has the largest share?\n"
     "Answer the question using a single word or phrase.",
     [("Identify the chart", "The image is a pie chart of electricity generation by source."),
      ("Read the slices", "Natural gas is 38 percent, coal 22 percent, nuclear 19 percent, wind 12 percent and solar 9 percent."),
      ("Compare the shares", "38 percent is the largest slice, so natural gas has the largest share.")],
     "Natural gas",
     [("Identify the chart", "The image is a pie chart of electricity sources."),
      ("Pick the largest", "The coal slice looks the biggest, so coal has the largest share.")]),
    ("The line graph shows the temperature over a day. At what hour was the temperature highest?\n"
     "Answer the question using a single word or phrase.",
     [("Identify the axes", "The x-axis shows hours from 6 to 22 and the y-axis shows degrees Celsius."),
      ("Trace the line", "The line rises from 14 at 6:00 to a peak of 27 at 15:00, then falls to 18 at 22:00."),
      ("State the peak", "The highest point of the line is at 15:00.")],
     "15:00",
     [("Identify the axes", "Hours are on the x-axis and temperature on the y-axis."),
      ("Trace the line", "The line is highest at noon, 12:00.")]),
    ("In the right triangle shown, the legs are 6 and 8. What is the length of the hypotenuse?\n"
     "Answer the question using a single word or phrase.",
     [("Read the figure", "The right angle is at C, with legs AC = 6 and BC = 8."),
      ("Apply the Pythagorean theorem", "AB^2 = 6^2 + 8^2 = 36 + 64 = 100."),
      ("Take the square root", "AB = sqrt(100) = 10.")],
     "10",
     [("Read the figure", "The legs are 6 and 8."),
      ("Add the legs", "6 + 8 = 14, so the hypotenuse is 14.")]),
    ("The table lists the population of four towns. What is the combined population of Ashford and Brook?\n"
     "Answer the question using a single word or phrase.",
     [("Read the table", "Ashford has 12,400 residents, Brook 8,750, Carlow 15,100 and Dunmore 6,300."),
      ("Select the rows", "The question asks for Ashford and Brook only."),
      ("Add the populations", "12,400 + 8,750 = 21,150.")],
     "21150",
     [("Read the table", "Ashford has 12,400 residents and Carlow 15,100."),
      ("Add the populations", "12,400 + 15,100 = 27,500.")]),
    ("How much change should the customer receive if they paid with a 20 dollar bill?\n"
     "Answer the question using a single word or phrase.",
     [("Find the total", "The receipt's TOTAL line reads 13.27."),
      ("Subtract from the payment", "20.00 - 13.27 = 6.73."),
      ("Cross-check with the receipt", "The receipt prints CHANGE 6.73 under CASH 20.00, which agrees.")],
     "6.73",
     [("Find the total", "The subtotal line reads 12.40."),
      ("Subtract from the payment", "20.00 - 12.40 = 7.60.")]),
    ("What is the area of the shaded rectangle in the figure?\nA. 24\nB. 28\nC. 32\nD. 36\n"
     "Answer with the option's letter from the given choices directly.",
     [("Read the dimensions", "The shaded rectangle is labelled 4 units high and 8 units wide."),
      ("Compute the area", "Area = 4 * 8 = 32 square units."),
      ("Match the options", "32 is option C.")],
     "C",
     [("Read the dimensions", "The rectangle is 4 by 7."),
      ("Compute the area", "4 * 7 = 28, option B.")]),
    ("Between 2019 and 2023, by what percentage did the number of users grow according to the chart?\n"
     "Answer the question using a single word or phrase.",
     [("Read the 2019 value", "The 2019 bar is labelled 2.0 million users."),
      ("Read the 2023 value", "The 2023 bar is labelled 3.5 million users."),
      ("Compute the growth", "(3.5 - 2.0) / 2.0 = 0.75, a growth of 75 percent.")],
     "75%",
     [("Read the values", "2019 shows 2.0 million and 2023 shows 3.5 million."),
      ("Compute the growth", "3.5 - 2.0 = 1.5, so the growth is 150 percent.")]),
]


def thoughts(steps):
    """The reasoning chain as Insight-V wraps it: `<thoughts>\\n` + steps + `</thoughts>`, one `Title: content` per step."""
    return "<thoughts>\n" + "\n\n".join(f"{t}: {c}" for t, c in steps) + "\n</thoughts>"


def summary_prompt(question, chain):
    """The summary agent's input exactly as infer_two_models.py builds it from the reasoning agent's output:
    the text between the tags, re-wrapped as "<thoughts>\\n" + body + "</thoughts>\\n"."""
    body = chain.split("<thoughts>")[-1].split("</thoughts>")[0]
    return SUMMARY_PREFIX + question + "\n\nREASON PROCESS: " + "<thoughts>\n" + body + "</thoughts>\n"


def dump_json(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(records, f, ensure_ascii=False, indent=2)
        f.write("\n")


def dump_jsonl(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def image(directory, name):
    """Writes a 48x32 PNG under <directory>/images/ and returns its path relative to <directory>."""
    os.makedirs(os.path.join(directory, "images"), exist_ok=True)
    write_png(os.path.join(directory, "images", name), 48, 32, seed=os.path.basename(directory) + "/" + name)
    return "images/" + name


def make_insight_v():
    d = os.path.join(ROOT, "insight-v")
    reasoning, summary, dpo = [], [], []
    for i, (question, steps, answer, rejected_steps) in enumerate(PROBLEMS):
        img = image(d, f"problem_{i:03d}.png")
        origin_question = "<image>\n" + question
        chain = thoughts(steps)
        reasoning.append({
            "id": f"insight-v-reason-{i:05d}",
            "image": img,
            "conversations": [
                {"from": "human", "value": origin_question + REASON_SUFFIX},
                {"from": "gpt", "value": chain},
            ],
        })
        summary.append({
            "id": f"insight-v-summary-{i:05d}",
            "image": img,
            "conversations": [
                {"from": "human", "value": summary_prompt(origin_question, chain)},
                {"from": "gpt", "value": answer},
            ],
        })
        dpo.append({
            "id": f"insight-v-dpo-{i:05d}",
            "prompt": origin_question + REASON_SUFFIX,
            "answer": answer,
            "chosen": chain,
            "rejected": thoughts(rejected_steps),
            "image": img,
        })
    dump_json(os.path.join(d, "reasoning.json"), reasoning)
    dump_json(os.path.join(d, "summary.json"), summary)
    dump_json(os.path.join(d, "dpo.json"), dpo)


QA = [  # (a + b or a - b, written out): short answers a tiny model can memorize
    (7, "+", 5), (9, "-", 4), (6, "+", 8), (15, "-", 7), (3, "+", 9), (12, "-", 5),
    (4, "+", 4), (11, "-", 2), (8, "+", 7), (14, "-", 6), (5, "+", 6), (13, "-", 9),
    (2, "+", 7), (10, "-", 3), (6, "+", 6), (16, "-", 8),
]


def make_insight_v_qa():
    d = os.path.join(os.path.dirname(ROOT), "insight-v-qa")
    rows = []
    for i, (a, op, b) in enumerate(QA):
        value = a + b if op == "+" else a - b
        word = "plus" if op == "+" else "minus"
        rows.append({
            "id": f"insight-v-qa-{i:05d}",
            "prompt": f"What is {a} {word} {b}?\nAnswer the question using a single word or phrase.",
            "answer": str(value),
            "chosen": str(value),
            "rejected": str(value + 1),
        })
    dump_json(os.path.join(d, "train.json"), rows[:12])
    dump_json(os.path.join(d, "heldout.json"), rows[12:])


def make_llava():
    d = os.path.join(ROOT, "llava")
    records = []
    for i, (question, steps, answer, _) in enumerate(PROBLEMS):
        records.append({
            "id": f"{100000 + i * 37:012d}",
            "image": image(d, f"coco_{i:03d}.png"),
            "conversations": [
                {"from": "human", "value": "<image>\n" + question.split("\n")[0]},
                {"from": "gpt", "value": steps[-1][1]},
                {"from": "human", "value": "Give only the final answer."},
                {"from": "gpt", "value": answer},
            ],
        })
    # Two images in one record (LLaVA-NeXT interleaved data: "image" is a list).
    records.append({
        "id": "000000200001",
        "image": [image(d, "compare_left.png"), image(d, "compare_right.png")],
        "conversations": [
            {"from": "human", "value": "<image>\n<image>\nWhich receipt has the larger total, the first or the second?"},
            {"from": "gpt", "value": "The first receipt totals 18.40 and the second 21.05, so the second is larger."},
        ],
    })
    # A text-only record with a system turn (no "image" key, as in LLaVA's mixed instruction data).
    records.append({
        "id": "000000200002",
        "conversations": [
            {"from": "system", "value": "You are a careful math tutor."},
            {"from": "human", "value": "What is 15% of 240?"},
            {"from": "gpt", "value": "15% of 240 is 0.15 * 240 = 36."},
        ],
    })
    dump_json(os.path.join(d, "llava_instruct.json"), records)


CALC_TOOL = {"name": "calculator", "description": "Evaluates an arithmetic expression.",
             "parameters": {"type": "object", "properties": {"expression": {"type": "string"}},
                            "required": ["expression"]}}
OCR_TOOL = {"name": "ocr", "description": "Reads the text in an image.",
            "parameters": {"type": "object", "properties": {"image": {"type": "string"}}, "required": ["image"]}}
FX_TOOL = {"name": "convert_currency", "description": "Converts an amount between currencies.",
           "parameters": {"type": "object", "properties": {"amount": {"type": "number"}, "from": {"type": "string"},
                                                           "to": {"type": "string"}},
                          "required": ["amount", "from", "to"]}}


def call(name, arguments, thought=None):
    """A LLaMA-Factory function_call value: the JSON call, with the thought in <think> tags before it."""
    body = json.dumps({"name": name, "arguments": arguments}, ensure_ascii=False)
    return (f"<think>{thought}</think>" if thought else "") + body


def make_sharegpt():
    d = os.path.join(ROOT, "sharegpt")
    tools = json.dumps([CALC_TOOL, OCR_TOOL, FX_TOOL], ensure_ascii=False)
    system = "You are a receipt assistant. Use the tools when you need to read or compute something."
    receipts = [("12.40", "0.99", "13.39"), ("8.75", "0.70", "9.45"), ("22.10", "1.77", "23.87"),
                ("5.60", "0.45", "6.05"), ("41.00", "3.28", "44.28"), ("17.35", "1.39", "18.74")]
    records = []
    for i, (sub, tax, total) in enumerate(receipts):
        img = image(d, f"receipt_{i:03d}.png")
        records.append({
            "conversations": [
                {"from": "human", "value": "<image>\nWhat is the total of this receipt including tax?"},
                {"from": "function_call", "value": call("ocr", {"image": "image-0"},
                                                        "I need to read the receipt first.")},
                {"from": "observation", "value": json.dumps({"text": f"SUBTOTAL {sub}\nTAX {tax}"})},
                {"from": "function_call", "value": call("calculator", {"expression": f"{sub} + {tax}"},
                                                        "Add the tax to the subtotal.")},
                {"from": "observation", "value": json.dumps({"result": total})},
                {"from": "gpt", "value": f"The total including tax is {total}."},
            ],
            "system": system,
            "tools": tools,
            "images": [img],
        })
    # Parallel calls: LLaMA-Factory accepts a JSON list in one function_call turn.
    records.append({
        "conversations": [
            {"from": "human", "value": "Convert 100 USD to EUR and to JPY."},
            {"from": "function_call", "value": json.dumps([
                {"name": "convert_currency", "arguments": {"amount": 100, "from": "USD", "to": "EUR"}},
                {"name": "convert_currency", "arguments": {"amount": 100, "from": "USD", "to": "JPY"}}])},
            {"from": "observation", "value": "EUR 92.31\nJPY 15,620"},
            {"from": "gpt", "value": "100 USD is about 92.31 EUR or 15,620 JPY."},
        ],
        "system": system,
        "tools": tools,
    })
    # Plain text observations and a call without a thought.
    for i, expr, result in [(0, "128 * 0.15", "19.2"), (1, "(45 + 55) / 4", "25"), (2, "2 ** 10", "1024")]:
        records.append({
            "conversations": [
                {"from": "human", "value": f"Use the calculator: what is {expr}?"},
                {"from": "function_call", "value": call("calculator", {"expression": expr})},
                {"from": "observation", "value": result},
                {"from": "gpt", "value": f"{expr} = {result}."},
            ],
            "tools": tools,
        })
    # Plain multi-turn chat with an image and a system turn inside the conversation.
    for i, (question, steps, answer, _) in enumerate(PROBLEMS[:2]):
        records.append({
            "conversations": [
                {"from": "system", "value": "Answer questions about charts and receipts briefly."},
                {"from": "human", "value": "<image>\n" + question},
                {"from": "gpt", "value": answer},
            ],
            "images": [image(d, f"chart_{i:03d}.png")],
        })
    dump_json(os.path.join(d, "sharegpt_tools.json"), records)


def tool_call(call_id, name, arguments):
    return {"id": call_id, "type": "function",
            "function": {"name": name, "arguments": json.dumps(arguments, ensure_ascii=False)}}


def make_openai():
    d = os.path.join(ROOT, "openai")
    tools = [{"type": "function", "function": t} for t in (CALC_TOOL, OCR_TOOL, FX_TOOL)]
    records = []
    for i, (sub, tax, total) in enumerate([("12.40", "0.99", "13.39"), ("8.75", "0.70", "9.45"),
                                           ("22.10", "1.77", "23.87"), ("5.60", "0.45", "6.05")]):
        img = image(d, f"receipt_{i:03d}.png")
        records.append({
            "id": f"oa-receipt-{i:03d}",
            "messages": [
                {"role": "system", "content": "You read receipts. Call tools to read text and to do arithmetic."},
                {"role": "user", "content": [
                    {"type": "image_url", "image_url": {"url": img}},
                    {"type": "text", "text": "What is the total including tax?"}]},
                {"role": "assistant", "content": "Let me read the receipt.",
                 "tool_calls": [tool_call(f"call_ocr_{i}", "ocr", {"image": "image-0"})]},
                {"role": "tool", "tool_call_id": f"call_ocr_{i}",
                 "content": json.dumps({"text": f"SUBTOTAL {sub}\nTAX {tax}"})},
                {"role": "assistant", "content": None,
                 "tool_calls": [tool_call(f"call_calc_{i}", "calculator", {"expression": f"{sub} + {tax}"})]},
                {"role": "tool", "tool_call_id": f"call_calc_{i}", "content": total},
                {"role": "assistant", "content": f"The total including tax is {total}."},
            ],
            "tools": tools,
        })
    # Several tool_calls in one assistant message (parallel function calling).
    for i, (amount, cur) in enumerate([(100, "USD"), (250, "GBP")]):
        records.append({
            "id": f"oa-parallel-{i:03d}",
            "messages": [
                {"role": "user", "content": f"Convert {amount} {cur} to EUR and to JPY."},
                {"role": "assistant", "content": "I will run both conversions at once.",
                 "tool_calls": [
                     tool_call(f"call_eur_{i}", "convert_currency", {"amount": amount, "from": cur, "to": "EUR"}),
                     tool_call(f"call_jpy_{i}", "convert_currency", {"amount": amount, "from": cur, "to": "JPY"})]},
                {"role": "tool", "tool_call_id": f"call_eur_{i}", "content": json.dumps({"amount": round(amount * 0.92, 2), "currency": "EUR"})},
                {"role": "tool", "tool_call_id": f"call_jpy_{i}", "content": json.dumps({"amount": amount * 156, "currency": "JPY"})},
                {"role": "assistant", "content": f"{amount} {cur} is {round(amount * 0.92, 2)} EUR or {amount * 156} JPY."},
            ],
            "tools": tools,
        })
    # An inline image: a base64 data URL instead of a path.
    inline = "data:image/png;base64," + base64.b64encode(png_bytes(48, 32, "openai/inline_chart")).decode("ascii")
    records.append({
        "id": "oa-inline-000",
        "messages": [
            {"role": "user", "content": [
                {"type": "text", "text": "Here is a bar chart of quarterly revenue."},
                {"type": "image_url", "image_url": {"url": inline, "detail": "low"}},
                {"type": "text", "text": "Which quarter had the highest revenue?"}]},
            {"role": "assistant", "content": "The fourth quarter had the highest revenue."},
        ],
    })
    # Math with the calculator, no id (the reader numbers these by position).
    for i, (expr, result) in enumerate([("3 * 17 + 4", "55"), ("sqrt(144) + 2 ** 3", "20"),
                                        ("(18 - 6) / 4", "3"), ("0.2 * 350", "70")]):
        messages = [
            {"role": "user", "content": f"Compute {expr}."},
            {"role": "assistant", "content": "",
             "tool_calls": [tool_call(f"call_m{i}", "calculator", {"expression": expr})]},
            {"role": "tool", "tool_call_id": f"call_m{i}", "content": result},
            {"role": "assistant", "content": f"{expr} = {result}."},
        ]
        if i == 1:
            messages.insert(0, {"role": "user", "content": [
                {"type": "text", "text": "The worksheet is attached."},
                {"type": "image_url", "image_url": {"url": image(d, "worksheet.png")}}]})
            messages.insert(1, {"role": "assistant", "content": "Thanks, I see the worksheet. Which problem?"})
        records.append({"messages": messages, "tools": [tools[0]]})
    # A plain chat that names the model's refusal field (kept as message meta).
    records.append({
        "id": "oa-chat-000",
        "messages": [
            {"role": "developer", "content": "Answer in one sentence."},
            {"role": "user", "content": "Why do receipts list tax separately?"},
            {"role": "assistant", "content": "Because the law in many places requires the tax to be shown apart from the price.",
             "refusal": None},
        ],
    })
    dump_jsonl(os.path.join(d, "messages.jsonl"), records)


def main():
    make_insight_v()
    make_insight_v_qa()
    make_llava()
    make_sharegpt()
    make_openai()


if __name__ == "__main__":
    main()
