/*!
Interface strings in English and French, and the default language from the system locale.

Labels of data (regions, indicators, chart kinds, themes, grades) come from the model and
`chart`; this file holds only the words of the interface itself.
*/

use crate::model::Lang;

/// The interface language from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, in that
/// order, the first one set and not `C`/`POSIX`); English when none names a known language.
pub fn system_lang() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            let v = v.trim();
            if v.is_empty() || v == "C" || v.starts_with("C.") || v == "POSIX" {
                continue;
            }
            return Lang::parse(v).unwrap_or(Lang::En);
        }
    }
    Lang::En
}

macro_rules! strings {
    ($($name:ident => $en:literal, $fr:literal;)*) => {
        /// An interface string; [`S::get`] gives its text in a language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum S {
            $(#[doc = $en] $name,)*
        }

        impl S {
            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((S::$name, Lang::En) => $en, (S::$name, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

strings! {
    Open => "Open…", "Ouvrir…";
    Recent => "Recent", "Récents";
    NoRecent => "No recent file", "Aucun fichier récent";
    Export => "Export…", "Exporter…";
    Undo => "Undo", "Annuler";
    Redo => "Redo", "Rétablir";
    Light => "Light", "Clair";
    Dark => "Dark", "Sombre";
    Presentation => "Presentation", "Présentation";
    LeavePresentation => "Leave presentation", "Quitter la présentation";
    Help => "Help", "Aide";
    TabChart => "Chart", "Graphique";
    TabTable => "Data table", "Tableau de données";
    TabPractices => "Practices", "Pratiques";
    TabSources => "Sources", "Sources";
    TabCoverage => "Coverage", "Couverture";
    CoverageTitle => "Coverage of the data: values per grade", "Couverture des données : valeurs par qualité";
    CoverageHint => "Each cell: measured (M), estimated (E) and illustrative (I) values, missing records (–) and years. Blue: all cited; orange: all illustrative; hatched: no cited value. Click a cell to chart it.", "Chaque case : valeurs mesurées (M), estimées (E) et illustratives (I), données manquantes (–) et années. Bleu : tout est cité ; orange : tout est illustratif ; hachuré : aucune valeur citée. Cliquez une case pour en afficher le graphique.";
    CoverageByChannel => "By channel", "Par canal";
    CoverageExport => "Export this grid…", "Exporter cette grille…";
    CoverageTotals => "Totals per region", "Totaux par région";
    Stance => "Stance of the article", "Position de l'article";
    ChartType => "Chart type", "Type de graphique";
    Regions => "Regions", "Régions";
    Channels => "Channels", "Canaux";
    AllChannels => "All channels", "Tous les canaux";
    Segments => "Companies and sectors", "Entreprises et secteurs";
    AllSegments => "All (regions and segments)", "Tout (régions et segments)";
    AllSegmentsHint => "Show every value: whole regions and their companies, brands or sectors", "Afficher toutes les valeurs : régions entières et leurs entreprises, marques ou secteurs";
    Indicators => "Indicators", "Indicateurs";
    PerChannel => "by channel", "par canal";
    Period => "Period", "Période";
    AllYears => "All years", "Toutes les années";
    From => "From", "De";
    To => "to", "à";
    Datasets => "Datasets", "Jeux de données";
    Bundled => "Bundled benchmark", "Référentiel intégré";
    CloseFile => "Close", "Fermer";
    Views => "Saved views", "Vues enregistrées";
    ViewName => "View name", "Nom de la vue";
    SaveView => "Save view", "Enregistrer la vue";
    DeleteView => "Delete", "Supprimer";
    NoViews => "No saved view yet.", "Aucune vue enregistrée.";
    Loading => "Loading", "Chargement de";
    Cancel => "Cancel", "Annuler le chargement";
    Dismiss => "Dismiss", "Fermer le message";
    LoadFailed => "Could not load the file; the data already loaded are unchanged.", "Impossible de charger le fichier ; les données déjà chargées sont conservées.";
    Reloaded => "Reloaded", "Rechargé";
    Loaded => "Loaded", "Chargé";
    Closed => "Closed", "Fermé";
    DropHere => "Drop dataset files to open them", "Déposez des fichiers de données pour les ouvrir";
    Legend => "Legend", "Légende";
    Measured => "Measured (solid)", "Mesuré (plein)";
    Estimated => "Estimated (dark outline)", "Estimé (contour foncé)";
    Illustrative => "Illustrative (light, hatched)", "Illustratif (clair, hachuré)";
    Warnings => "Not comparable", "Non comparable";
    SourcesFooter => "Sources", "Sources";
    Worse => "worse", "moins bien";
    Better => "better", "mieux";
    Lower => "lower", "plus bas";
    Higher => "higher", "plus haut";
    NotPerChannel => "This indicator is not measured per channel: choose one marked “by channel” to compare channels.", "Cet indicateur n'est pas mesuré par canal : choisissez-en un marqué « par canal » pour comparer les canaux.";
    AllRegions => "All regions", "Toutes les régions";
    AllRegionsHint => "Every region that has a value for the chosen indicators.", "Toutes les régions qui ont une valeur pour les indicateurs choisis.";
    SeriesCount => "series; the first 40 are listed, the data table has them all", "séries ; les 40 premières sont listées, le tableau de données les contient toutes";
    ValueLabels => "Values on chart", "Valeurs sur le graphique";
    ValueLabelsHint => "Print each value on its bar or point (up to 40 points), on screen and in exports.", "Afficher chaque valeur sur sa barre ou son point (jusqu'à 40 points), à l'écran et à l'export.";
    CopyTable => "Copy as text", "Copier en texte";
    Copied => "Table copied to the clipboard", "Tableau copié dans le presse-papiers";
    ColRegion => "Region", "Région";
    ColChannel => "Channel", "Canal";
    ColIndicator => "Indicator", "Indicateur";
    ColPeriod => "Period", "Période";
    ColValue => "Value", "Valeur";
    ColSample => "n", "n";
    ColMargin => "±", "±";
    ColGrade => "Grade", "Qualité";
    ColSource => "Source", "Source";
    SourceTitle => "Title", "Titre";
    SourceLabel => "In chart footers", "En pied de graphique";
    SourcePublisher => "Publisher", "Éditeur";
    SourceDate => "Date", "Date";
    SourceAddress => "Address", "Adresse";
    NoAddress => "no address", "pas d'adresse";
    PracticeMatrix => "Practices by region and theme", "Pratiques par région et thème";
    MatrixHint => "Colour: average adoption (0 absent – 3 widespread); number: practices; “?”: adoption not given. Click a cell to list them.", "Couleur : adoption moyenne (0 absente – 3 généralisée) ; nombre : pratiques ; « ? » : adoption non précisée. Cliquez une case pour les lister.";
    AllThemes => "All themes", "Tous les thèmes";
    Theme => "Theme", "Thème";
    Search => "Search", "Rechercher";
    Transfer => "What to transfer", "Que transposer";
    TransferTo => "Practices missing in", "Pratiques absentes en";
    TransferFrom => "found in", "présentes en";
    AnyRegion => "any other region", "toute autre région";
    NothingToTransfer => "No practice to transfer with these choices.", "Aucune pratique à transposer avec ces choix.";
    Adoption => "Adoption", "Adoption";
    Year => "Year", "Année";
    NoPractice => "No practice matches.", "Aucune pratique ne correspond.";
    ClickCell => "Click a cell of the matrix to see its practices.", "Cliquez une case de la matrice pour voir ses pratiques.";
    Shortcuts => "Keyboard shortcuts", "Raccourcis clavier";
    About => "About", "À propos";
    AboutTitle => "About servicescope", "À propos de servicescope";
    AboutSummary => "Compare customer-service indicators and practices across countries and channels; chart them and export the charts.", "Comparer les indicateurs et les pratiques du service client entre pays et canaux ; les représenter et exporter les graphiques.";
    Version => "Version", "Version";
    CodeLicence => "Licence", "Licence";
    DataLicence => "Bundled data", "Données intégrées";
    DataLicenceText => "The compilation is under CC BY 4.0; each figure belongs to its cited publisher; the practice summaries are our own paraphrases of the cited articles. Values graded illustrative are invented for demonstration and must not be cited.", "La compilation est sous licence CC BY 4.0 ; chaque chiffre appartient à l'éditeur cité ; les résumés de pratiques sont nos propres reformulations des articles cités. Les valeurs qualifiées d'illustratives sont inventées pour la démonstration et ne doivent pas être citées.";
    FontLicence => "Font", "Police";
    FontLicenceText => "DejaVu Sans, under the Bitstream Vera licence (free to use and redistribute).", "DejaVu Sans, sous licence Bitstream Vera (libre d'utilisation et de redistribution).";
    SourcesList => "Show the list of sources", "Afficher la liste des sources";
    AppIdLabel => "Application id", "Identifiant d'application";
    DeckOpened => "Deck opened as saved views", "Série ouverte en vues enregistrées";
    ChartOpened => "Chart description opened", "Description de graphique ouverte";
    Close => "Close", "Fermer";
    Language => "Language", "Langue";
    Practices => "practices", "pratiques";
    Unknown => "not given", "non précisé";
    OpenTip => "Open a dataset file", "Ouvrir un fichier de données";
    ExportTip => "Export the chart (PNG, SVG, PDF, clipboard)", "Exporter le graphique (PNG, SVG, PDF, presse-papiers)";
    UndoTip => "Undo a selection change", "Annuler un changement de sélection";
    RedoTip => "Redo an undone selection change", "Rétablir un changement de sélection annulé";
    SaveViewTip => "Save the current view", "Enregistrer la vue courante";
    LanguageTip => "Switch language EN / FR", "Changer de langue EN / FR";
    DarkTheme => "Light / dark", "Clair / sombre";
    DarkThemeTip => "Switch light / dark theme", "Basculer thème clair / sombre";
    PresentationTip => "Presentation mode", "Mode présentation";
    PreviousView => "Previous view", "Vue précédente";
    PreviousViewTip => "Previous saved view (presentation)", "Vue enregistrée précédente (présentation)";
    NextView => "Next view", "Vue suivante";
    NextViewTip => "Next saved view (presentation)", "Vue enregistrée suivante (présentation)";
    HelpTip => "This help: the keyboard shortcuts", "Cette aide : les raccourcis clavier";
}

/// Adoption level 0–3 in words.
pub fn adoption(level: Option<u8>, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match level {
        Some(0) => {
            if fr {
                "absente ou rejetée"
            } else {
                "absent or rejected"
            }
        }
        Some(1) => {
            if fr {
                "émergente"
            } else {
                "emerging"
            }
        }
        Some(2) => {
            if fr {
                "courante"
            } else {
                "common"
            }
        }
        Some(_) => {
            if fr {
                "généralisée"
            } else {
                "widespread"
            }
        }
        None => S::Unknown.get(lang),
    }
}
