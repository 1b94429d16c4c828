// placeholder so the workspace builds until the detect bench is written
fn main() {}
