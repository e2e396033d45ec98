//! Command-line arguments (clap derive). Only the binary knows about flags.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cinder",
    version,
    about = "A type checker, compiler and runtime for Static Python"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Type-check files and folders; exit 0 when clean, 1 on errors, 2 on usage or I/O errors.
    Check(CheckArgs),
    /// Run the language server on stdin/stdout.
    Lsp(LspArgs),
    /// Compile modules to `.pyc` files.
    Compile(CompileArgs),
    /// Run a module (`.py` or `.pyc`) on the bundled interpreter.
    Run(RunArgs),
    /// Print the bytecode of a module.
    Dis(DisArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Full,
    Pretty,
    Concise,
    Json,
    Github,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// How to print diagnostics (default: `pretty` on a terminal, `full` otherwise).
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,
    /// Paths to exclude (added to `exclude` from the configuration).
    #[arg(long)]
    pub exclude: Vec<String>,
    /// Extra import roots (added to `extra-paths` from the configuration).
    #[arg(long)]
    pub extra_path: Vec<PathBuf>,
    /// Set a rule's severity: `CODE=error|warning|ignore` (repeatable).
    #[arg(long = "rule", value_name = "CODE=LEVEL")]
    pub rules: Vec<String>,
    /// Use this pyproject.toml instead of searching for the nearest one.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, Args)]
pub struct LspArgs {}

#[derive(Debug, Args)]
pub struct CompileArgs {
    /// Source files (or folders) to compile.
    #[arg(required = true)]
    pub sources: Vec<PathBuf>,
    /// Output file (one source) or folder (several sources).
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// Also print type diagnostics of plain modules, and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
    /// Write checked hash-based `.pyc` headers (PEP 552) instead of timestamps.
    #[arg(long)]
    pub hash: bool,
    /// How to print diagnostics.
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The module to run: a `.py` source or a `.pyc` file.
    pub file: PathBuf,
    /// Arguments passed to the program as `sys.argv[1:]`.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
    /// Compile hot static functions with the JIT (the default).
    #[arg(long, overrides_with = "no_jit")]
    pub jit: bool,
    /// Never use the JIT.
    #[arg(long)]
    pub no_jit: bool,
    /// The folder of CPython 3.11's standard library (default: `$CINDER_STDLIB`, or asked of `python3`).
    #[arg(long)]
    pub stdlib: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DisArgs {
    /// A `.py` source or a `.pyc` file.
    pub file: PathBuf,
    /// Also print the machine code of JIT-compiled functions.
    #[arg(long)]
    pub jit: bool,
}
