//! `beslut`: the command line. Kept thin: argument parsing and dispatch live in
//! `cli`, all document work in the library.

mod cli;

/// `check` allocates and frees many short-lived strings on every rayon thread;
/// glibc's per-thread arenas spend a measurable share of the run in malloc/free
/// and in mprotect calls as they grow. mimalloc's thread-local free lists avoid
/// both. Only the binary picks an allocator: the library stays neutral.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
