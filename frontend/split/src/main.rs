//! `sdo-wasm-split PATTERNS IMPORT_MODULE IN.wasm PRIMARY.wasm SECONDARY.wasm`
//!
//! PATTERNS is a file of rules, one per line (`sdo_wasm_split::Rules`). `scripts/frontend.sh build` runs it on
//! the create page's bundle.

use anyhow::{Context, bail};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [patterns, import_module, input, primary, secondary] = args.as_slice() else {
        bail!("usage: sdo-wasm-split PATTERNS IMPORT_MODULE IN.wasm PRIMARY.wasm SECONDARY.wasm");
    };
    let rules = sdo_wasm_split::Rules::parse(
        &std::fs::read_to_string(patterns).with_context(|| format!("reading {patterns}"))?,
    );
    let wasm = std::fs::read(input).with_context(|| format!("reading {input}"))?;
    let split = sdo_wasm_split::split(&wasm, &rules, import_module)?;
    std::fs::write(primary, &split.primary).with_context(|| format!("writing {primary}"))?;
    std::fs::write(secondary, &split.secondary).with_context(|| format!("writing {secondary}"))?;
    println!(
        "sdo-wasm-split: {} functions deferred ({} by name); {} B -> {} B now + {} B on first use",
        split.moved,
        split.named,
        wasm.len(),
        split.primary.len(),
        split.secondary.len()
    );
    Ok(())
}
