//! Splits a finished wasm module (after wasm-bindgen and wasm-opt) in two:
//! a *primary* that keeps everything a page's first render runs, and a
//! *secondary* holding the functions chosen to wait (by name, see
//! [`split`]) plus everything only they reach. The browser fetches the
//! secondary on the visitor's first interaction, or synchronously the first
//! time deferred code runs before that (`frontend/split.js`).
//!
//! How the halves meet, so that nothing else in the module changes:
//!
//! - Each deferred function keeps its index in the primary, with a stub for
//!   a body: if the secondary is not there yet, call the import
//!   [`LOAD_IMPORT`]; then `call_indirect` through a slot past the end of
//!   the function table. Every caller, export, table entry and function
//!   pointer of the original stays valid.
//! - The secondary imports the primary's memory, tables and globals, and the
//!   kept functions it calls (the primary exports them as `f<index>`,
//!   `m<index>`, `t<index>`, `g<index>`), and its one element segment fills
//!   the slots with the real functions when it is instantiated. The loader
//!   then sets the primary's exported global [`LOADED_EXPORT`].
//!
//! It must never change what the program does: a function it cannot move
//! safely (one that uses data or element segments by index) makes it fail
//! rather than guess, and the e2e suite runs the app on its output.

mod primary;
mod rules;
mod secondary;

use std::collections::{BTreeMap, BTreeSet};

pub use rules::Rules;

use walrus::ir::{Instr, InstrLocId, Visitor, dfs_in_order};
use walrus::{
    FunctionBuilder, FunctionId, FunctionKind, ImportKind, LocalFunction, Module, ModuleConfig,
};

/// The import module under which the secondary finds the primary's exports.
pub const PRIMARY_NAMESPACE: &str = "primary";
/// The primary's import (in the namespace the caller names) that loads the
/// secondary synchronously.
pub const LOAD_IMPORT: &str = "__sdo_split_load";
/// The primary's exported `i32` global: 1 once the secondary is in place.
pub const LOADED_EXPORT: &str = "__sdo_split_loaded";

#[derive(Debug, thiserror::Error)]
pub enum SplitError {
    #[error("not a wasm module walrus can read: {0}")]
    Parse(String),
    #[error("the module has no function table to put the deferred functions in")]
    NoFunctionTable,
    #[error("no function's name matches a deferral pattern (is the name section kept?)")]
    NothingDeferred,
    #[error("{0} uses a data or element segment by index, which the secondary cannot share")]
    Unmovable(String),
    #[error("the module has exception tags, which this tool does not handle")]
    Tags,
    #[error("the function table is imported or 64-bit, which this tool does not handle")]
    UnsupportedTable,
    #[error("the start function would be deferred: it runs before the loader can")]
    StartDeferred,
    #[error("the primary already exports {0:?}, a name the split needs")]
    NameTaken(String),
    #[error("the secondary needs {0:?}, which the primary does not have")]
    Missing(String),
}

/// The two halves, ready to write.
#[derive(Debug)]
pub struct Split {
    pub primary: Vec<u8>,
    pub secondary: Vec<u8>,
    /// Functions moved: named by a pattern, then only reached through them.
    pub named: usize,
    pub moved: usize,
}

/// Splits `wasm`. A local function is deferred if [`Rules`] name it, and
/// so is every function that only deferred ones reach. `import_module` is
/// the namespace of the primary's other imports (wasm-bindgen's glue
/// module), where [`LOAD_IMPORT`] is added.
pub fn split(wasm: &[u8], rules: &Rules, import_module: &str) -> Result<Split, SplitError> {
    let named = named_functions(&parse(wasm)?, rules);
    if named.is_empty() {
        return Err(SplitError::NothingDeferred);
    }
    let deferred = with_only_reached(wasm, &named)?;
    let original = parse(wasm)?;
    if original
        .start
        .is_some_and(|start| deferred.contains(&start.index()))
    {
        return Err(SplitError::StartDeferred);
    }

    let mut secondary = parse(wasm)?;
    for func in secondary.funcs.iter() {
        if let FunctionKind::Local(local) = &func.kind
            && deferred.contains(&func.id().index())
        {
            check_movable(func.name.as_deref().unwrap_or("a function"), local)?;
        }
    }
    let mut primary = parse(wasm)?;
    let table = primary
        .tables
        .main_function_table()
        .ok()
        .flatten()
        .ok_or(SplitError::NoFunctionTable)?;
    let main_table = primary.tables.get(table);
    // An imported table's size is the host's; a 64-bit one takes i64 offsets.
    if main_table.import.is_some() || main_table.table64 {
        return Err(SplitError::UnsupportedTable);
    }
    let base = main_table.initial;
    let order: Vec<usize> = deferred.iter().copied().collect();

    secondary::make_secondary(&mut secondary, &order, table.index(), base)?;
    let needed: Vec<(String, ImportKind)> = secondary
        .imports
        .iter()
        .filter(|i| i.module == PRIMARY_NAMESPACE)
        .map(|i| (i.name.clone(), i.kind.clone()))
        .collect();
    primary::make_primary(&mut primary, &order, table, base, import_module, &needed)?;

    Ok(Split {
        primary: primary.emit_wasm(),
        secondary: secondary.emit_wasm(),
        named: named.len(),
        moved: order.len(),
    })
}

fn parse(wasm: &[u8]) -> Result<Module, SplitError> {
    let mut config = ModuleConfig::new();
    // Names help only to find what a first render should not call (a
    // browser's stack then shows them); a release drops them.
    let keep_names = std::env::var_os("SDO_WASM_SPLIT_KEEP_NAMES").is_some();
    config
        .generate_name_section(keep_names)
        .generate_producers_section(false);
    let module = config
        .parse(wasm)
        .map_err(|e| SplitError::Parse(e.to_string()))?;
    if module.tags.iter().next().is_some() {
        return Err(SplitError::Tags);
    }
    Ok(module)
}

fn named_functions(module: &Module, rules: &Rules) -> BTreeSet<usize> {
    module
        .funcs
        .iter()
        .filter(|f| matches!(f.kind, FunctionKind::Local(_)))
        .filter(|f| {
            f.name
                .as_deref()
                .is_some_and(|name| rules.defers(&rules::without_crate_hashes(name)))
        })
        .map(|f| f.id().index())
        .collect()
}

/// `named` plus every local function that the module's roots no longer
/// reach once the named ones are cut off: code only they need goes too.
fn with_only_reached(wasm: &[u8], named: &BTreeSet<usize>) -> Result<BTreeSet<usize>, SplitError> {
    let mut cut = parse(wasm)?;
    let ids = function_ids(&cut);
    for &index in named {
        let ty = cut.funcs.get(ids[&index]).ty();
        let mut body = builder_for(&mut cut, ty);
        body.func_body().unreachable();
        let args = args_for(&mut cut, ty);
        cut.funcs.get_mut(ids[&index]).kind = FunctionKind::Local(body.local_func(args));
    }
    walrus::passes::gc::run(&mut cut);
    let kept: BTreeSet<usize> = cut.funcs.iter().map(|f| f.id().index()).collect();
    let all = parse(wasm)?;
    Ok(all
        .funcs
        .iter()
        .filter(|f| matches!(f.kind, FunctionKind::Local(_)))
        .map(|f| f.id().index())
        .filter(|index| named.contains(index) || !kept.contains(index))
        .collect())
}

/// Refuses the instructions that name segments: the secondary has none.
/// (The GC proposal's array ones are here too, though Rust emits none.)
fn check_movable(name: &str, local: &LocalFunction) -> Result<(), SplitError> {
    struct Segments(bool);
    impl<'i> Visitor<'i> for Segments {
        fn visit_instr(&mut self, instr: &'i Instr, _: &'i InstrLocId) {
            if matches!(
                instr,
                Instr::MemoryInit(_)
                    | Instr::DataDrop(_)
                    | Instr::TableInit(_)
                    | Instr::ElemDrop(_)
                    | Instr::ArrayNewData(_)
                    | Instr::ArrayNewElem(_)
                    | Instr::ArrayInitData(_)
                    | Instr::ArrayInitElem(_)
            ) {
                self.0 = true;
            }
        }
    }
    let mut found = Segments(false);
    dfs_in_order(&mut found, local, local.entry_block());
    if found.0 {
        return Err(SplitError::Unmovable(name.to_owned()));
    }
    Ok(())
}

pub(crate) fn function_ids(module: &Module) -> BTreeMap<usize, FunctionId> {
    module
        .funcs
        .iter()
        .map(|f| (f.id().index(), f.id()))
        .collect()
}

pub(crate) fn builder_for(module: &mut Module, ty: walrus::TypeId) -> FunctionBuilder {
    let ty = module.types.get(ty);
    let (params, results) = (ty.params().to_vec(), ty.results().to_vec());
    FunctionBuilder::new(&mut module.types, &params, &results)
}

pub(crate) fn args_for(module: &mut Module, ty: walrus::TypeId) -> Vec<walrus::LocalId> {
    let params = module.types.get(ty).params().to_vec();
    params.into_iter().map(|p| module.locals.add(p)).collect()
}
