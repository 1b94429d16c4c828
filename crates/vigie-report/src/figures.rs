pub struct Figures;
