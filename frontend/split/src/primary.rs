//! The first file: stubs in place of the deferred functions, table slots
//! for them, the loader's import and flag, and exports of all the
//! secondary needs.

use walrus::ir::Value;
use walrus::{ConstExpr, ExportItem, FunctionKind, ImportKind, Module, ValType};

use crate::{LOAD_IMPORT, LOADED_EXPORT, SplitError, args_for, builder_for, function_ids};

/// Stubs for the deferred functions, slots for them in the table, the load
/// import and flag, and an export for everything the secondary imports.
pub(crate) fn make_primary(
    module: &mut Module,
    order: &[usize],
    table: walrus::TableId,
    base: u64,
    import_module: &str,
    needed: &[(String, ImportKind)],
) -> Result<(), SplitError> {
    // The secondary's import names are short and the original's exports
    // are wasm-bindgen's: a clash would make an invalid module, not a guess.
    let taken = |name: &str| module.exports.iter().any(|e| e.name == name);
    if let Some(name) = std::iter::once(LOADED_EXPORT)
        .chain(needed.iter().map(|(name, _)| name.as_str()))
        .find(|name| taken(name))
    {
        return Err(SplitError::NameTaken(name.to_owned()));
    }
    let slots = order.len() as u64;
    let t = module.tables.get_mut(table);
    t.initial = base + slots;
    if let Some(max) = t.maximum {
        t.maximum = Some(max.max(base + slots));
    }
    let loaded =
        module
            .globals
            .add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    module.exports.add(LOADED_EXPORT, loaded);
    let load_ty = module.types.add(&[], &[]);
    let (load, _) = module.add_import_func(import_module, LOAD_IMPORT, load_ty);

    let ids = function_ids(module);
    for (slot, index) in (base..).zip(order) {
        let id = ids[index];
        let ty = module.funcs.get(id).ty();
        let args = args_for(module, ty);
        let mut stub = builder_for(module, ty);
        let mut body = stub.func_body();
        body.block(None, |ready| {
            let ready_id = ready.id();
            ready.global_get(loaded).br_if(ready_id).call(load);
        });
        for &arg in &args {
            body.local_get(arg);
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        body.i32_const(slot as i32).call_indirect(ty, table);
        module.funcs.get_mut(id).kind = FunctionKind::Local(stub.local_func(args));
    }

    // The secondary was parsed separately: its ids match ours by index.
    for (name, kind) in needed {
        let item = match kind {
            ImportKind::Function(id) => ids.get(&id.index()).map(|&f| ExportItem::Function(f)),
            ImportKind::Memory(id) => module
                .memories
                .iter()
                .find(|m| m.id().index() == id.index())
                .map(|m| ExportItem::Memory(m.id())),
            ImportKind::Table(id) => module
                .tables
                .iter()
                .find(|t| t.id().index() == id.index())
                .map(|t| ExportItem::Table(t.id())),
            ImportKind::Global(id) => module
                .globals
                .iter()
                .find(|g| g.id().index() == id.index())
                .map(|g| ExportItem::Global(g.id())),
            ImportKind::Tag(_) => None,
        };
        let item = item.ok_or_else(|| SplitError::Missing(name.clone()))?;
        module.exports.add(name, item);
    }
    walrus::passes::gc::run(module);
    Ok(())
}
