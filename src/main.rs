//! `beslut`: the command line. Kept thin: argument parsing and dispatch live in
//! `cli`, all document work in the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
