//! The split pair does what the original did: both halves validate, and
//! node runs the original and the pair side by side on the same calls
//! (direct, through the table, with memory, a mutable global and a host
//! import shared), loading the secondary exactly once, on first use.

use std::process::Command;

use sdo_wasm_split::{LOAD_IMPORT, LOADED_EXPORT, Rules, SplitError, split};

const GLUE: &str = "./glue.js";

/// `deferred_entry` is named for deferral (and exported, and in the table);
/// `deferred_only` is reached only through it and goes too; `kept` is also
/// called by `main` and stays. The table's maximum is its size, as wasm-ld
/// writes it, so the primary must raise it for the stubs' slots.
const MODULE: &str = r#"
(module
  (import "./glue.js" "log" (func $log (param i32)))
  (type $unary (func (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $counter (mut i32) (i32.const 7))
  (table $table 2 2 funcref)
  (elem (i32.const 0) $kept $deferred_entry)
  (data (i32.const 16) "\2a")
  (func $main (export "main") (param i32) (result i32)
    (i32.add (call $kept (local.get 0)) (call $deferred_entry (local.get 0))))
  (func $through_table (export "through_table") (param i32) (result i32)
    (call_indirect (type $unary) (local.get 0) (i32.const 1)))
  (func $counter (export "counter") (result i32) (global.get $counter))
  (func $kept (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
  (func $deferred_entry (export "deferred_entry") (param i32) (result i32)
    (call $log (local.get 0))
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (i32.store (i32.const 32) (i32.add (i32.load8_u (i32.const 16)) (local.get 0)))
    (i32.add (call $deferred_only (local.get 0)) (call $kept (i32.load (i32.const 32)))))
  (func $deferred_only (param i32) (result i32) (i32.xor (local.get 0) (i32.const 0x55)))
)
"#;

fn patterns(names: &[&str]) -> Rules {
    Rules::parse(&names.join("\n"))
}

/// Why `module` cannot be split with its `deferred*` functions deferred.
fn refusal(module: &str) -> SplitError {
    split(
        &wat::parse_str(module).unwrap(),
        &patterns(&["deferred*"]),
        GLUE,
    )
    .unwrap_err()
}

fn validate(wasm: &[u8]) {
    wasmparser::Validator::new()
        .validate_all(wasm)
        .expect("a valid module");
}

#[test]
fn the_split_pair_behaves_as_the_original() {
    let original = wat::parse_str(MODULE).unwrap();
    let split = split(&original, &patterns(&["deferred_entry"]), GLUE).unwrap();
    assert_eq!((split.named, split.moved), (1, 2));
    validate(&split.primary);
    validate(&split.secondary);

    let dir = std::env::temp_dir().join(format!("sdo-wasm-split-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("original.wasm", &original),
        ("primary.wasm", &split.primary),
        ("secondary.wasm", &split.secondary),
    ] {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let script = format!(
        r#"
const fs = require("fs");
const dir = process.argv[1];
const read = (name) => fs.readFileSync(dir + "/" + name);
function run(name, extra) {{
  const logged = [];
  const glue = {{ log: (x) => logged.push(x), ...extra }};
  const exports = new WebAssembly.Instance(new WebAssembly.Module(read(name)), {{ "{GLUE}": glue }}).exports;
  return {{ exports, logged }};
}}
let loads = 0;
let primary;
const pair = run("primary.wasm", {{
  {LOAD_IMPORT}() {{
    loads++;
    new WebAssembly.Instance(new WebAssembly.Module(read("secondary.wasm")), {{ primary: primary.exports }});
    primary.exports.{LOADED_EXPORT}.value = 1;
  }},
}});
primary = pair;
const original = run("original.wasm", {{}});
const results = [];
for (const m of [original, pair]) {{
  const e = m.exports;
  const r = [e.counter(), e.deferred_entry(3), e.main(1), e.main(200), e.through_table(5), e.counter(),
             new Uint8Array(e.memory.buffer)[32], m.logged.join(",")];
  results.push(JSON.stringify(r));
}}
console.log(JSON.stringify({{ same: results[0] === results[1], original: results[0], pair: results[1], loads }}));
"#
    );
    let out = Command::new("node")
        .arg("-e")
        .arg(&script)
        .arg(&dir)
        .output()
        .expect("node (the e2e suite's, on PATH) runs the modules");
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(r#""same":true"#), "{stdout}");
    assert!(stdout.contains(r#""loads":1"#), "{stdout}");
}

#[test]
fn the_primary_keeps_no_deferred_body() {
    let original = wat::parse_str(MODULE).unwrap();
    let split = split(&original, &patterns(&["deferred_entry"]), GLUE).unwrap();
    // 0x55 is deferred_only's constant; the primary has only stubs for it.
    let constant = [0x41, 0xd5, 0x00];
    let has = |wasm: &[u8]| wasm.windows(3).any(|w| w == constant);
    assert!(has(&original));
    assert!(!has(&split.primary));
    assert!(has(&split.secondary));
    // The data stays with the memory, in the primary.
    let sections = |wasm: &[u8]| {
        wasmparser::Parser::new(0)
            .parse_all(wasm)
            .filter(|p| matches!(p, Ok(wasmparser::Payload::DataSection(_))))
            .count()
    };
    assert_eq!(
        (sections(&split.primary), sections(&split.secondary)),
        (1, 0)
    );
}

#[test]
fn nothing_named_is_an_error() {
    let original = wat::parse_str(MODULE).unwrap();
    let error = split(&original, &patterns(&["no_such_function"]), GLUE).unwrap_err();
    assert!(matches!(error, SplitError::NothingDeferred), "{error}");
}

#[test]
fn a_function_that_names_a_segment_is_not_moved() {
    let module = r#"
(module
  (memory 1)
  (table 1 funcref)
  (data $passive "abc")
  (func (export "main") (call $deferred_init))
  (func $deferred_init (memory.init $passive (i32.const 0) (i32.const 0) (i32.const 3))))
"#;
    let error = refusal(module);
    assert!(
        matches!(error, SplitError::Unmovable(ref name) if name == "deferred_init"),
        "{error}"
    );
}

#[test]
fn kept_prefixes_are_not_deferred_by_name() {
    // wasm-opt folds identical generic instances, and the survivor carries
    // one type's name: `<alloc::rc::Rc<…deferred…>>::new` may be everyone's.
    let module = r#"
(module
  (table 1 funcref)
  (func (export "main") (result i32) (call $shared_new))
  (func (export "later") (result i32) (call $deferred_view))
  (func $shared_new (result i32) (i32.const 1))
  (func $deferred_view (result i32) (call $shared_new)))
"#;
    let mut wasm = wat::parse_str(module).unwrap();
    // wat names cannot hold `<`, `:` or spaces; rename in the name section.
    let rename = |wasm: &mut Vec<u8>, from: &str, to: &str| {
        let mut module = walrus::Module::from_buffer(wasm).unwrap();
        let id = module.funcs.by_name(from).unwrap();
        module.funcs.get_mut(id).name = Some(to.to_owned());
        *wasm = module.emit_wasm();
    };
    rename(
        &mut wasm,
        "shared_new",
        "<alloc::rc::Rc<app::deferred::Copied>>::new",
    );
    rename(&mut wasm, "deferred_view", "app::deferred::view");
    let both = split(&wasm, &patterns(&["*app::deferred::*"]), GLUE).unwrap();
    assert_eq!((both.named, both.moved), (2, 2));
    let rules = patterns(&["# comment", "*app::deferred::*", "!<alloc::*"]);
    let split = split(&wasm, &rules, GLUE).unwrap();
    assert_eq!((split.named, split.moved), (1, 1));
}

#[test]
fn a_deferred_start_function_is_refused() {
    // It would run the loader while the page's glue is still instantiating.
    let module = r#"
(module
  (table 1 funcref)
  (start $deferred_start)
  (func (export "main"))
  (func $deferred_start))
"#;
    let error = refusal(module);
    assert!(matches!(error, SplitError::StartDeferred), "{error}");
}

#[test]
fn an_export_with_a_name_the_split_needs_is_refused() {
    let module = format!(
        r#"
(module
  (table 1 funcref)
  (global (export "{LOADED_EXPORT}") i32 (i32.const 0))
  (func (export "main") (call $deferred))
  (func $deferred))
"#
    );
    let error = refusal(&module);
    assert!(
        matches!(error, SplitError::NameTaken(ref name) if name == LOADED_EXPORT),
        "{error}"
    );
}
