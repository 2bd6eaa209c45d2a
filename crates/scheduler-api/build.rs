//! Lets the server binary find the SCIP library when started directly (not through `cargo run`):
//! scheduler-core's build script says where it is.

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_SCHEDULER_SCIP_LIB_DIR");
    if let Ok(dir) = std::env::var("DEP_SCHEDULER_SCIP_LIB_DIR") {
        println!("cargo:rustc-link-arg-bins=-Wl,-rpath,{dir}");
    }
}
