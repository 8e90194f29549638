//! The parts of the OpenAPI document that are not on a handler: its header,
//! the bearer schemes, the shared error responses and the path parameter.
//! The operations come from the `#[utoipa::path]`s in `api/mod.rs`, through
//! the same `routes!` calls that build the router, so a handler registered
//! that way is documented by construction; `tests/openapi.rs` catches one
//! added with a plain `.route` on a documented path.

use sdo_shared::api::{CreateRequest, CreateRequestRequest, ErrorBody, FillRequest};
use sdo_shared::base64url::{schema_bounded, schema_exact};
use sdo_shared::secret::SecretId;
use serde::Serialize;
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{Object, ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, HeaderBuilder, Ref, RefOr, Required};
use utoipa::{IntoParams, Modify, OpenApi, ToResponse, ToSchema};

use super::extract::IdPath;
use super::requests::RidPath;
use crate::service::Limits;

pub const LINK_TOKEN: &str = "link_token";
pub const MANAGE_TOKEN: &str = "manage_token";
pub const FILL_TOKEN: &str = "fill_token";
pub const INBOX_TOKEN: &str = "inbox_token";

#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "self-destruct-o",
        description = "One-time secrets the server cannot read. Clients seal the secret \
            (docs/PROTOCOL.md); the server stores the blob and checks tokens.\n\n\
            Bytes are base64url without padding, times are Unix seconds. Every error, \
            from any layer, is an `ErrorBody` with a stable `error` code. A malformed, \
            unknown or gone id and a wrong token all get the same 404, so an answer \
            never tells whether a secret exists. Methods a path does not list get 405 \
            with `Allow`."
    ),
    tags(
        (name = "secrets", description = "Create, inspect, reveal and burn secrets"),
        (name = "requests", description = "Ask for a secret: create a request, fill it, \
            collect or cancel it (docs/PROTOCOL.md, sdo/v1 requests)"),
        (name = "service", description = "Health, this server's limits and this document"),
    ),
    components(
        schemas(ErrorBody),
        responses(
            InvalidRequest,
            Unauthorized,
            WrongPassphrase,
            NotFound,
            TooLarge,
            UnsupportedMediaType,
            RateLimited,
            Internal,
            Unavailable
        )
    ),
    modifiers(&BearerSchemes)
)]
pub struct ApiDoc;

/// Two names for the one `Bearer` scheme, so each operation says which
/// token it wants.
#[derive(Debug)]
struct BearerSchemes;

impl Modify for BearerSchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, description) in [
            (
                LINK_TOKEN,
                "HKDF of the link key, from the share link's fragment",
            ),
            (
                MANAGE_TOKEN,
                "the `manage_token` that creating the secret returned",
            ),
            (
                FILL_TOKEN,
                "HKDF of the request's public key, from the request link's fragment",
            ),
            (
                INBOX_TOKEN,
                "HKDF of the request key, from the inbox link's fragment",
            ),
        ] {
            components.add_security_scheme(
                name,
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .bearer_format("32 bytes as base64url (43 characters)")
                        .description(Some(description))
                        .build(),
                ),
            );
        }
    }
}

impl IntoParams for IdPath {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![
            ParameterBuilder::new()
                .name("id")
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .description(Some(
                    "The secret's id (16 bytes). Any other text gets the same 404 as an \
                     unknown id.",
                ))
                .schema(Some(schema_exact::<{ SecretId::LEN }>()))
                .build(),
        ]
    }
}

impl IntoParams for RidPath {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![
            ParameterBuilder::new()
                .name("rid")
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .description(Some(
                    "The request's id (16 bytes). Any other text gets the same 404 as an \
                     unknown id.",
                ))
                .schema(Some(schema_exact::<{ SecretId::LEN }>()))
                .build(),
        ]
    }
}

/// `GET /health`'s answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    pub status: HealthStatus,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    Ok,
}

/// A request that passes every check the server makes without the client's
/// keys: a blob of the smallest sealed length. Fuzzers start from it, so
/// they reach the store instead of stopping at the blob's shape.
pub fn create_example() -> CreateRequest {
    let mut blob = vec![0u8; sdo_shared::blob::MIN_LEN];
    blob[0] = sdo_shared::blob::VERSION_V1;
    CreateRequest {
        blob: blob.into(),
        link_verifier: vec![1; 32].into(),
        reveal_verifier: vec![2; 32].into(),
        kdf: None,
        ttl_secs: 3600,
        max_views: 1,
    }
}

/// Writes the bounds that are this server's flags into the document.
pub fn describe_limits(document: &mut utoipa::openapi::OpenApi, limits: Limits) {
    let create = object_schema(document, &CreateRequest::name());
    set_maximum(create, "ttl_secs", limits.max_ttl_secs);
    set_maximum(create, "max_views", u64::from(limits.max_views));
    bound_blob(create, sdo_shared::blob::MIN_LEN, limits.max_blob_bytes);

    let request = object_schema(document, &CreateRequestRequest::name());
    set_maximum(request, "ttl_secs", limits.max_ttl_secs);
    let fill = object_schema(document, &FillRequest::name());
    bound_blob(
        fill,
        sdo_shared::request::fill::MIN_LEN,
        limits.max_fill_bytes(),
    );
}

fn object_schema<'a>(document: &'a mut utoipa::openapi::OpenApi, name: &str) -> &'a mut Object {
    let schemas = document.components.as_mut().map(|c| &mut c.schemas);
    let Some(RefOr::T(Schema::Object(object))) = schemas.and_then(|s| s.get_mut(name)) else {
        unreachable!("{name} is an object schema")
    };
    object
}

fn set_maximum(object: &mut Object, field: &str, max: u64) {
    if let Some(RefOr::T(Schema::Object(property))) = object.properties.get_mut(field) {
        property.maximum = Some(max.into());
    }
}

/// The `blob`'s `$ref` cannot carry lengths in utoipa's types: inline it.
fn bound_blob(object: &mut Object, min: usize, max: usize) {
    let description = match object.properties.get("blob") {
        Some(RefOr::Ref(r)) => r.description.clone(),
        _ => String::new(),
    };
    let mut blob = schema_bounded(min, max);
    if let Schema::Object(inner) = &mut blob {
        inner.description = Some(description);
    }
    object.properties.insert("blob".into(), blob.into());
}

fn error_response(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        Content::new(Some(Ref::from_schema_name("ErrorBody"))),
    )
}

/// One reusable response per error status, each an `ErrorBody`.
macro_rules! error_responses {
    ($($name:ident => $description:literal,)*) => {$(
        #[derive(Debug)]
        pub struct $name;

        impl<'r> ToResponse<'r> for $name {
            fn response() -> (&'r str, RefOr<Response>) {
                (stringify!($name), error_response($description).build().into())
            }
        }
    )*};
}

error_responses! {
    InvalidRequest => "`invalid_request`: the body is not valid JSON of the right shape, \
        or a value is out of bounds (the message says which).",
    Unauthorized => "`unauthorized`: no `Authorization: Bearer` header with a \
        43-character base64url token. The same for every id.",
    WrongPassphrase => "`wrong_passphrase`: the reveal token is wrong, so the passphrase \
        was. `attempts_left` says how many tries remain; at 0 the secret was destroyed.",
    NotFound => "`not_found`: no such secret for this token. Unknown, malformed, expired, \
        revealed, burned, locked and wrong-token all answer the same.",
    TooLarge => "`too_large`: the body or the blob is over the server's limit.",
    UnsupportedMediaType => "`unsupported_media_type`: send `Content-Type: application/json`.",
    Internal => "`internal`: a bug or a refusal by the key service; the cause is in the \
        server's log.",
    Unavailable => "`unavailable`: the store or key service did not answer, or the request \
        took longer than the server's timeout; nothing was consumed, try again. \
        `outcome_unknown`: a consuming write (a view, a wrong passphrase, a burn) was sent \
        and its answer lost; it may have happened, and the receipt says.",
}

/// 429 also carries `Retry-After`, which the macro's responses do not.
#[derive(Debug)]
pub struct RateLimited;

impl<'r> ToResponse<'r> for RateLimited {
    fn response() -> (&'r str, RefOr<Response>) {
        let seconds = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .minimum(Some(1));
        let response = error_response(
            "`rate_limited`: over the per-address limit (`--rate-limit`, off when 0).",
        )
        .header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(seconds)
                .description(Some("seconds until a request will be accepted"))
                .build(),
        );
        ("RateLimited", response.build().into())
    }
}
