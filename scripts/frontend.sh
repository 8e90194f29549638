#!/usr/bin/env bash
# The browser app (frontend/, e2e/): install its tools, build it, test it.
#
#   scripts/frontend.sh install   # once: wasm32 target, trunk, wasm-bindgen-cli,
#                                 # wasm-opt (npm binaryen), chromium + chromedriver,
#                                 # the e2e npm packages; skips what is there
#   scripts/frontend.sh build     # the build tools only, then
#                                 # trunk build --release -> dist/
#   scripts/frontend.sh test      # all tools; clippy, wasm tests in headless
#                                 # Chromium, release build, e2e
#   scripts/frontend.sh vendor    # regenerates frontend/js/fluent-bundle.js
#                                 # from the pinned npm @fluent/bundle
#
# Self-contained and idempotent: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=132
TOOLS=frontend/tools
# The release wasm is built with a pinned nightly, for flags stable Rust
# does not have: std rebuilt with `-C panic=immediate-abort` (no panic
# message machinery; a panic in wasm traps either way), and no source
# locations or Debug formatting strings in the binary. About 11 % of the
# gzipped app (docs/BENCHMARKS.md). Tests and clippy use stable; the e2e
# suite runs against the nightly-built dist/.
NIGHTLY=nightly-2026-05-20
RELEASE_WASM_RUSTFLAGS="-C target-feature=+simd128 -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"

step() { printf '\n==> %s\n' "$*" >&2; }
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
apt_install() {
    step "apt-get install $*"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# The wasm-bindgen crate version in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Tools installed by npm live in gitignored node_modules; put them first.
export PATH="$PWD/$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

npm_ci_if_stale() { # dir
    local dir=$1
    if [ ! -f "$dir/node_modules/.package-lock.json" ] ||
        [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        step "npm ci in $dir"
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    fi
}

install_build_tools() {
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        step "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
    if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1; then
        step "rustup toolchain install $NIGHTLY (rust-src, wasm32): the release wasm's compiler"
        rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src \
            --target wasm32-unknown-unknown
    fi
    if ! rustup +"$NIGHTLY" target list --installed | grep -qx wasm32-unknown-unknown; then
        rustup +"$NIGHTLY" target add wasm32-unknown-unknown
    fi
    if ! rustup +"$NIGHTLY" component list --installed | grep -q '^rust-src'; then
        rustup +"$NIGHTLY" component add rust-src
    fi
    local missing=()
    command -v cc >/dev/null 2>&1 || missing+=(build-essential)
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [ ${#missing[@]} -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
    if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
        step "cargo install trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
        cargo install --locked trunk --version "$TRUNK_VERSION"
    fi
    local wb
    wb=$(wasm_bindgen_version)
    if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ] ||
        [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wb" ]; then
        step "cargo install wasm-bindgen-cli $wb"
        # Not --locked: that fails to resolve against this registry.
        # Trunk.toml [tools] pins the same version; keep the two in step.
        cargo install --force wasm-bindgen-cli --version "$wb"
    fi
    npm_ci_if_stale "$TOOLS"
    if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$WASM_OPT_VERSION" ]; then
        echo "wasm-opt $WASM_OPT_VERSION not found after npm ci in $TOOLS" >&2
        exit 1
    fi
}

install_test_tools() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    if [ ${#missing[@]} -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
    # playwright-core (e2e) needs Node.js 20 or newer.
    if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
        echo "Node.js $(node --version) is too old for the e2e tests (playwright-core needs 20+)." >&2
        echo "Install Node.js 20+ (e.g. from NodeSource) and run this again." >&2
        exit 1
    fi
    npm_ci_if_stale e2e
}

# The app's messages are formatted by Fluent's reference implementation,
# @fluent/bundle (npm, Apache-2.0), whose plural rules are the browser's own
# CLDR data (Intl.PluralRules): about 4 KB gzipped, against 41 KB for the
# Rust crates compiled into the wasm. It is vendored as one ES module, since
# wasm-bindgen reads it at compile time; this regenerates it from the pinned
# npm package, and `check_vendored` proves the committed copy is exactly that.
FLUENT_JS=frontend/js/fluent-bundle.js
fluent_js() {
    local version
    version=$(node -p "require('./$TOOLS/node_modules/@fluent/bundle/package.json').version")
    esbuild "$TOOLS/node_modules/@fluent/bundle/esm/index.js" --bundle --format=esm --minify \
        --log-level=warning \
        --banner:js="// @fluent/bundle $version (Apache-2.0, https://github.com/projectfluent/fluent.js), bundled by scripts/frontend.sh vendor; do not edit."
}
vendor() {
    step "vendor @fluent/bundle -> $FLUENT_JS"
    fluent_js >"$FLUENT_JS"
}
check_vendored() {
    if ! fluent_js | cmp -s - "$FLUENT_JS"; then
        echo "$FLUENT_JS is not what scripts/frontend.sh vendor makes from the pinned @fluent/bundle; run it and commit." >&2
        exit 1
    fi
}

build() {
    step "trunk build --release -> dist/"
    # Trunk runs cargo offline; fetch what the lock files name first (the
    # workspace's, and std's own, which -Zbuild-std compiles).
    cargo fetch --locked >/dev/null
    cargo +"$NIGHTLY" fetch --locked --manifest-path \
        "$(rustc +"$NIGHTLY" --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" >/dev/null
    trunk_release
    split_create_bundle
    # The reveal and rest bundles (frontend/src/bundle.rs), each from its
    # own page, then beside the main one in dist/.
    for bundle in reveal rest; do
        step "trunk build --release frontend/$bundle.html (the $bundle bundle)"
        rm -rf "target/bundles/$bundle"
        trunk_release "frontend/$bundle.html" --dist "target/bundles/$bundle"
        cp "target/bundles/$bundle"/sdo-"$bundle"-*.js "target/bundles/$bundle"/sdo-"$bundle"-*_bg.wasm dist/
        # The lib's JS snippets, the same for every bundle of the crate.
        diff -r "target/bundles/$bundle/snippets" dist/snippets

    done
    hash_worker
    link_bundles
    # The message files' comments are for translators; a first load need
    # not carry them (a Fluent comment always starts its line with #).
    sed -i '/^#/d' dist/locales/*.ftl
    minify_glue
    # A gzip twin of each compressible file, made once here rather than on
    # every request: sdo-server serves it to clients that accept gzip
    # (embedded, or --static-dir).
    find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \
        -o -name '*.ftl' -o -name '*.txt' -o -name '*.svg' \) -exec gzip -9 -k -f -n {} +
}

# RUSTFLAGS replaces .cargo/config.toml's wasm32 rustflags, so it repeats
# +simd128. With --target it reaches only wasm artifacts, not build scripts
# or proc macros.
# The `bundles` feature makes Trunk's main wasm the create pages only.
trunk_release() {
    RUSTUP_TOOLCHAIN="$NIGHTLY" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
        RUSTFLAGS="$RELEASE_WASM_RUSTFLAGS" trunk build "$@" --release --offline --locked \
        --features bundles
}

# index.html: boot.js learns the other bundles' file names from its tag,
# and the app its worker's loader; Trunk's preloads of the main bundle go
# (a reveal page would fetch the create page's wasm for nothing; boot.js
# starts the one it needs at once).
link_bundles() {
    node -e '
        const fs = require("fs");
        const [html, ...files] = process.argv.slice(1);
        let text = fs.readFileSync(html, "utf8");
        const preloads = /<link[^>]*\shref=[^\s>]*\/sdo-frontend-[0-9a-f]+(?:_bg[.]wasm|[.]js)(?=[\s>])[^>]*>/g;
        const found = text.match(preloads) || [];
        if (found.length !== 2) throw new Error("expected 2 preloads of the main bundle, found " + found.length);
        text = text.replace(preloads, "");
        const boot = /<script(?=[^>]*\sid="?sdo-boot[\s">])[^>]*>/;
        const tag = text.match(boot);
        if (!tag) throw new Error("no boot tag in " + html);
        const js = tag[0].match(/\sdata-js="?([^\s">]+)/)[1];
        const base = js.slice(0, js.lastIndexOf("/") + 1);
        let attrs = "";
        if (files.length !== 5) throw new Error("expected the reveal and rest bundles and the worker, found " + files);
        for (const file of files) {
            if (/^sdo-crypto-worker-[0-9a-f]+_loader[.]js$/.test(file)) {
                attrs += ` data-worker=${base}${file}`;
                continue;
            }
            const [, bundle, wasm, glue] = file.match(/^sdo-([a-z]+)-[0-9a-f]+(?:_bg[.](wasm)|[.](js))$/);
            attrs += ` data-${bundle}-${wasm || glue}=${base}${file}`;
        }
        fs.writeFileSync(html, text.replace(boot, (m) => m.replace(/^<script/, "<script" + attrs)));
    ' dist/index.html $(cd dist && ls sdo-reveal-* sdo-rest-* sdo-crypto-worker-*_loader.js)
}

# Trunk leaves the worker's files unhashed (its loader shim names them),
# so a page open across a deploy would start the new build's worker with
# the old build's messages. They get a hash of their contents here, and
# link_bundles has the boot tag name the loader (data-worker) for
# frontend/src/worker/mod.rs.
hash_worker() {
    step "hash the crypto worker's file names"
    node -e '
        const fs = require("fs");
        const crypto = require("crypto");
        const name = (suffix) => `dist/sdo-crypto-worker${suffix}`;
        const loader = fs.readFileSync(name("_loader.js"), "utf8");
        const expected = `importScripts("./sdo-crypto-worker.js");wasm_bindgen("./sdo-crypto-worker_bg.wasm");`;
        if (loader.trim() !== expected) throw new Error("Trunk wrote another worker loader: " + loader);
        const hash = crypto.createHash("sha256").update(fs.readFileSync(name(".js")))
            .update(fs.readFileSync(name("_bg.wasm"))).digest("hex").slice(0, 16);
        fs.renameSync(name(".js"), name(`-${hash}.js`));
        fs.renameSync(name("_bg.wasm"), name(`-${hash}_bg.wasm`));
        fs.unlinkSync(name("_loader.js"));
        fs.writeFileSync(name(`-${hash}_loader.js`), expected
            .replace("sdo-crypto-worker.js", `sdo-crypto-worker-${hash}.js`)
            .replace("sdo-crypto-worker_bg.wasm", `sdo-crypto-worker-${hash}_bg.wasm`));
    '
}

# The create page's wasm in two (frontend/split/, frontend/split.txt): what
# its first render runs, and the rest, fetched on the first interaction by
# frontend/split.js, which goes into the glue beside the stubs' import.
split_create_bundle() {
    step "split the create page's wasm (frontend/split.txt)"
    cargo build --locked --release --quiet -p sdo-wasm-split
    local wasm
    wasm=$(ls dist/sdo-frontend-*_bg.wasm)
    # The unsplit build, names and all, for finding what a first render
    # should not call (frontend/split.js logs it).
    rm -rf target/split && mkdir -p target/split
    cp "$wasm" "${wasm%_bg.wasm}.js" target/split/
    target/release/sdo-wasm-split frontend/split.txt ./sdo-frontend_bg.js "$wasm" "$wasm" "${wasm%_bg.wasm}_split.wasm"
    # Trunk's hash in the names is of the unsplit wasm; a change to the
    # split alone must not reach a browser that cached the other half, so
    # the three files are renamed by a hash of what they now hold.
    node -e '
        const fs = require("fs");
        const crypto = require("crypto");
        const [old, loader] = process.argv.slice(1);
        const path = (hash, suffix) => `dist/sdo-frontend-${hash}${suffix}`;
        let glue = fs.readFileSync(path(old, ".js"), "utf8");
        const imports = `"./sdo-frontend_bg.js": import0,`;
        if (glue.split(imports).length !== 2) throw new Error("wasm-bindgen glue changed: no single " + imports);
        glue = glue.replace(imports, `"./sdo-frontend_bg.js": { ...import0, __sdo_split_load },`);
        const primary = fs.readFileSync(path(old, "_bg.wasm"));
        const secondary = fs.readFileSync(path(old, "_split.wasm"));
        const hash = crypto.createHash("sha256").update(primary).update(secondary)
            .update(glue).update(fs.readFileSync(loader)).digest("hex").slice(0, 16);
        glue = glue.replaceAll(`sdo-frontend-${old}`, `sdo-frontend-${hash}`);
        glue += `\nconst SPLIT_FILE = "sdo-frontend-${hash}_split.wasm";\n` + fs.readFileSync(loader, "utf8");
        fs.writeFileSync(path(hash, ".js"), glue);
        fs.renameSync(path(old, "_bg.wasm"), path(hash, "_bg.wasm"));
        fs.renameSync(path(old, "_split.wasm"), path(hash, "_split.wasm"));
        fs.unlinkSync(path(old, ".js"));
        const html = fs.readFileSync("dist/index.html", "utf8");
        fs.writeFileSync("dist/index.html", html.replaceAll(`sdo-frontend-${old}`, `sdo-frontend-${hash}`));
    ' "$(basename "$wasm" _bg.wasm | sed 's/^sdo-frontend-//')" frontend/split.js
}

# Trunk minifies the files it copies but not wasm-bindgen's JavaScript glue
# (57 KB; 9.6 KB gzipped, 7.6 KB minified), and its minifier gives up on
# boot.js's top-level await. No Subresource Integrity pins them: boot.js
# imports the glue by name.
minify_glue() {
    local glue
    for glue in dist/boot.js $(find dist -maxdepth 1 -name 'sdo-*-*.js' ! -name '*_bg.js' ! -name 'sdo-crypto-worker*'); do
        esbuild "$glue" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$glue"
    done
}

test_frontend() {
    step "vendored @fluent/bundle matches the pinned npm package"
    check_vendored
    step "cargo clippy -p sdo-frontend (wasm32, warnings are errors)"
    cargo clippy --locked --target wasm32-unknown-unknown -p sdo-frontend --all-targets -- -D warnings
    cargo clippy --locked --target wasm32-unknown-unknown -p sdo-frontend --features bundles --bins \
        -- -D warnings
    step "wasm tests in headless Chromium (wasm-bindgen-test)"
    local log
    log=$(mktemp)
    # shellcheck disable=SC2064
    trap "rm -f '$log'" RETURN
    (cd frontend && cargo test --locked --target wasm32-unknown-unknown -p sdo-frontend) 2>&1 | tee "$log"
    build
    step "cargo build sdo-server (release)"
    ./scripts/build_server.sh
    step "end-to-end tests in Chromium (e2e/, node --test)"
    (cd e2e && node --test --test-concurrency=1 --test-reporter=spec) 2>&1 | tee -a "$log"
    awk '/^test result:/ { p += $4; f += $6; i += $8 }
         /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 } /^ℹ skipped / { i += $3 }
         END { printf "\nfrontend tests: %d passed, %d failed, %d skipped\n", p, f, i }' "$log"
}

case "${1:-}" in
install) install_build_tools && install_test_tools ;;
build) install_build_tools && build ;;
test) install_build_tools && install_test_tools && test_frontend ;;
vendor) install_build_tools && vendor ;;
*)
    echo "usage: $0 install|build|test|vendor" >&2
    exit 2
    ;;
esac
