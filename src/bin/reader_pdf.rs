//! The web app's PDF reader: a Web Worker with a wasm of its own (see src/app/reader.rs).
//! Only the reader it calls is linked into it, so the page's first load carries none of it.

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetlint::app::reader::serve(budgetlint::files::read_pdf);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("reader-pdf is the web app's PDF reader (a Web Worker); on the command line use `budgetlint check FILE`");
    std::process::exit(2);
}
