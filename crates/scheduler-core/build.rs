//! Links SCIP when the `scip` feature is on (nothing otherwise).
//!
//! The library comes from `scripts/fetch-scip.sh` (PyPI's pyscipopt wheel) into `<workspace>/.scip/lib`,
//! or from `SCIP_LIB_DIR`; when it is missing this script runs the fetch itself, so a fresh clone needs
//! nothing beyond `cargo test --workspace`. `.cargo/config.toml` sets `DOCS_RS` so that scip-sys uses its
//! pre-generated bindings (the wheel has no C headers) and emits no link directives of its own.
//!
//! How binaries find the library at run time:
//! - this crate's tests, examples and benches get an rpath to the library folder;
//! - every binary that `cargo run`/`cargo test` starts (other crates' too) gets it through the dynamic
//!   library path: Cargo adds the link-search folders of build scripts that lie inside the target
//!   directory, so the library is linked from symlinks in `OUT_DIR`;
//! - a binary of another crate started by hand (not through cargo) needs an rpath of its own: its
//!   build script prints `cargo:rustc-link-arg-bins=-Wl,-rpath,$DEP_SCHEDULER_SCIP_LIB_DIR` (this crate
//!   declares `links = "scheduler_scip"` for that), or run it with `LD_LIBRARY_PATH=.scip/lib`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The file name the wheel gives the library (its SONAME).
const SONAME: &str = "libscip-d031042e.so.10.0";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=SCIP_LIB_DIR");
    if env::var_os("CARGO_FEATURE_SCIP").is_none() {
        return;
    }
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let workspace = manifest.join("../..");
    let workspace = fs::canonicalize(&workspace).unwrap_or(workspace);
    let lib_dir =
        env::var_os("SCIP_LIB_DIR").map(PathBuf::from).unwrap_or_else(|| workspace.join(".scip/lib"));
    let lib_dir = if lib_dir.is_relative() { workspace.join(lib_dir) } else { lib_dir };

    if !lib_dir.join("libscip.so").exists() {
        fetch(&workspace, &lib_dir);
    }
    // Watch the folder as configured (a symlinked folder may go away while its target stays).
    println!("cargo:rerun-if-changed={}", lib_dir.join("libscip.so").display());
    let lib_dir = fs::canonicalize(&lib_dir).unwrap_or(lib_dir);
    if !lib_dir.join("libscip.so").exists() {
        panic!(
            "SCIP is missing from {}: run `scripts/fetch-scip.sh` at the workspace root (it needs python3 \
             with pip and access to PyPI), then build again.",
            lib_dir.display()
        );
    }
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let linked = out_dir.join("scip-lib");
    mirror(&lib_dir, &linked);

    println!("cargo:rustc-link-search=native={}", linked.display());
    println!("cargo:rustc-link-lib=dylib=scip");
    println!("cargo:rustc-link-arg=-Wl,-rpath,{}", lib_dir.display());
    // For the build scripts of direct dependents (`links = "scheduler_scip"`): DEP_SCHEDULER_SCIP_LIB_DIR,
    // to give their own binaries the same rpath.
    println!("cargo:lib_dir={}", lib_dir.display());
}

/// Runs the workspace's fetch script; its failure is reported by the caller's check.
fn fetch(workspace: &Path, lib_dir: &Path) {
    let script = workspace.join("scripts/fetch-scip.sh");
    if !script.exists() {
        return;
    }
    match Command::new("bash").arg(&script).arg(lib_dir).status() {
        Ok(status) if status.success() => {}
        Ok(status) => println!("cargo:warning=scripts/fetch-scip.sh failed ({status})"),
        Err(error) => println!("cargo:warning=could not run scripts/fetch-scip.sh: {error}"),
    }
}

/// Symlinks every file of `from` into `to` (replacing what was there), so that Cargo, which only adds
/// link-search folders inside the target directory to the run-time library path, finds SCIP.
fn mirror(from: &Path, to: &Path) {
    let _ = fs::remove_dir_all(to);
    fs::create_dir_all(to).expect("OUT_DIR is writable");
    let entries = fs::read_dir(from).expect("the SCIP folder is readable");
    for entry in entries.flatten() {
        let target = entry.path();
        let link = to.join(entry.file_name());
        let target = fs::canonicalize(&target).unwrap_or(target);
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, &link).expect("symlinks can be made in OUT_DIR");
        #[cfg(not(unix))]
        fs::copy(&target, &link).expect("OUT_DIR is writable");
    }
    // The loader looks the library up by its SONAME.
    if !to.join(SONAME).exists() {
        println!("cargo:warning=SCIP folder has no {SONAME}; run-time loading may fail");
    }
}
