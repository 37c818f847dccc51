"""The rules' docs as a script for the web app (run by scripts/embed-wasm.sh).

In the web app a rule carries only its summary line (rules::__rule_explain in src/rules/mod.rs);
its full doc (检查内容 / 为什么重要 / 示例) is read here from the doc comments of each
`declare_rule!` in src/rules: the same text RuleMeta::doc() gives natively ("///" and one space
removed), which tests/rule_docs.rs checks. Usage: rule_docs.py SRC_RULES_DIR [--json]
"""
import json
import pathlib
import re
import sys


def docs(root):
    out = {}
    for p in sorted(pathlib.Path(root).rglob("*.rs")):
        src = p.read_text(encoding="utf-8")
        for block in re.finditer(r"declare_rule!\s*\{(.*?)\n\}", src, re.S):
            lines = [l.strip() for l in block.group(1).splitlines()]
            code = next((m.group(1) for l in lines if (m := re.match(r"pub RULE = (\w+) ", l))), None)
            doc = [l[3:] for l in lines if l.startswith("///")]
            if code and doc:
                out[code] = "\n".join(d[1:] if d.startswith(" ") else d for d in doc)
    return out


if __name__ == "__main__":
    d = docs(sys.argv[1])
    assert len(d) >= 20, f"only {len(d)} rule docs found in {sys.argv[1]}"
    if sys.argv[2:] == ["--json"]:
        print(json.dumps(d, ensure_ascii=False))
    else:
        print("// budgetlint's rule docs, loaded when one is opened.")
        print("globalThis.budgetlintRuleDocs = " + json.dumps(d, ensure_ascii=False) + ";")
