//! The second file: the deferred functions, with everything else imported
//! from the primary.

use std::collections::BTreeSet;

use walrus::ir::Value;
use walrus::{
    ConstExpr, ElementItems, ElementKind, FunctionKind, ImportKind, ImportedFunction, Module,
};

use crate::{PRIMARY_NAMESPACE, SplitError, function_ids};

/// The deferred functions, with everything else imported from the primary.
pub(crate) fn make_secondary(
    module: &mut Module,
    order: &[usize],
    table_index: usize,
    base: u64,
) -> Result<(), SplitError> {
    let keep: BTreeSet<usize> = order.iter().copied().collect();
    let mut imports = Vec::new();
    for func in module.funcs.iter_mut() {
        let index = func.id().index();
        match &func.kind {
            FunctionKind::Local(_) if keep.contains(&index) => {}
            FunctionKind::Local(local) => imports.push((func.id(), local.ty())),
            FunctionKind::Import(imported) => imports.push((func.id(), imported.ty)),
            FunctionKind::Uninitialized(ty) => imports.push((func.id(), *ty)),
        }
    }
    for (id, ty) in imports {
        let import = import_from_primary(module, ImportKind::Function(id));
        module.funcs.get_mut(id).kind = FunctionKind::Import(ImportedFunction { import, ty });
    }
    // The primary's own imports are reached through it; drop the originals.
    let originals: Vec<_> = module
        .imports
        .iter()
        .filter(|i| i.module != PRIMARY_NAMESPACE)
        .map(|i| (i.id(), i.kind.clone()))
        .collect();
    for (import, kind) in originals {
        if matches!(kind, ImportKind::Function(_)) {
            module.imports.delete(import);
        } else {
            // A memory, table or global the original imported: the primary
            // holds the only instance, and re-exports it.
            let entry = module.imports.get_mut(import);
            entry.module = PRIMARY_NAMESPACE.to_owned();
            entry.name = shared_name(&kind);
        }
    }
    let memories: Vec<_> = module
        .memories
        .iter()
        .filter(|m| m.import.is_none())
        .map(|m| m.id())
        .collect();
    for id in memories {
        let import = import_from_primary(module, ImportKind::Memory(id));
        let memory = module.memories.get_mut(id);
        memory.import = Some(import);
        memory.data_segments.clear();
    }
    let data: Vec<_> = module.data.iter().map(|d| d.id()).collect();
    for id in data {
        module.data.delete(id);
    }
    let tables: Vec<_> = module
        .tables
        .iter()
        .filter(|t| t.import.is_none())
        .map(|t| t.id())
        .collect();
    for id in tables {
        let import = import_from_primary(module, ImportKind::Table(id));
        let table = module.tables.get_mut(id);
        table.import = Some(import);
        table.init = None;
        // The primary's tables are larger by now (the deferred slots, and
        // wasm-bindgen's growing externref table): no maximum to clash with.
        table.maximum = None;
    }
    let elements: Vec<_> = module.elements.iter().map(|e| e.id()).collect();
    for id in elements {
        module.elements.delete(id);
    }
    for table in module.tables.iter_mut() {
        table.elem_segments.clear();
    }
    let globals: Vec<_> = module
        .globals
        .iter()
        .filter(|g| matches!(g.kind, walrus::GlobalKind::Local(_)))
        .map(|g| g.id())
        .collect();
    for id in globals {
        let import = import_from_primary(module, ImportKind::Global(id));
        module.globals.get_mut(id).kind = walrus::GlobalKind::Import(import);
    }

    let exports: Vec<_> = module.exports.iter().map(|e| e.id()).collect();
    for id in exports {
        module.exports.delete(id);
    }
    module.start = None;
    let table = module
        .tables
        .iter()
        .find(|t| t.id().index() == table_index)
        .map(|t| t.id())
        .ok_or(SplitError::NoFunctionTable)?;
    let ids = function_ids(module);
    let offset = i32::try_from(base).map_err(|_| SplitError::UnsupportedTable)?;
    let segment = module.elements.add(
        ElementKind::Active {
            table,
            offset: ConstExpr::Value(Value::I32(offset)),
        },
        ElementItems::Functions(order.iter().map(|i| ids[i]).collect()),
    );
    let function_table = module.tables.get_mut(table);
    function_table.elem_segments.insert(segment);
    function_table.initial = base + order.len() as u64;
    let customs: Vec<_> = module.customs.iter().map(|(id, _)| id).collect();
    for id in customs {
        module.customs.delete(id);
    }
    walrus::passes::gc::run(module);
    Ok(())
}

/// The name the primary exports a shared item under and the secondary
/// imports it by: a letter for its kind, and its index in the original.
fn shared_name(kind: &ImportKind) -> String {
    let (letter, index) = match kind {
        ImportKind::Function(id) => ('f', id.index()),
        ImportKind::Memory(id) => ('m', id.index()),
        ImportKind::Table(id) => ('t', id.index()),
        ImportKind::Global(id) => ('g', id.index()),
        ImportKind::Tag(id) => ('x', id.index()),
    };
    format!("{letter}{index}")
}

fn import_from_primary(module: &mut Module, kind: ImportKind) -> walrus::ImportId {
    let name = shared_name(&kind);
    module.imports.add(PRIMARY_NAMESPACE, &name, kind)
}
