//! Packaging: file arguments and `--version` on the command line, the generated man pages,
//! completions and icons, and the consistency of the files in `packaging/` with the
//! application id and `[package.metadata.deb]`.

use clap::Parser;
use servicescope::cli::{Cli, CliCommand as Sub};
use servicescope::desktop::{self, APP_ID};
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn files_are_arguments_and_subcommands_still_work() {
    let cli = Cli::try_parse_from(["servicescope", "data.csv", "decks/uk.ron"]).expect("parses");
    assert!(cli.command.is_none());
    assert_eq!(
        cli.files,
        [PathBuf::from("data.csv"), PathBuf::from("decks/uk.ron")]
    );

    let cli = Cli::try_parse_from(["servicescope"]).expect("parses");
    assert!(cli.files.is_empty() && cli.command.is_none());

    let cli = Cli::try_parse_from(["servicescope", "summary", "--format", "csv"]).expect("parses");
    assert!(cli.files.is_empty());
    assert!(matches!(cli.command, Some(Sub::Summary(_))), "{cli:?}");

    let cli = Cli::try_parse_from(["servicescope", "validate", "a.ron", "b.ron"]).expect("parses");
    assert!(cli.files.is_empty());
    assert!(matches!(cli.command, Some(Sub::Validate(_))), "{cli:?}");

    // a file first, then a subcommand name, is two files (not a subcommand with a stray file)
    let cli = Cli::try_parse_from(["servicescope", "a.csv", "summary"]).expect("parses");
    assert_eq!(
        cli.files,
        [PathBuf::from("a.csv"), PathBuf::from("summary")]
    );

    let e = Cli::try_parse_from(["servicescope", "--version"]).expect_err("prints version");
    assert_eq!(e.kind(), clap::error::ErrorKind::DisplayVersion);
}

#[test]
fn version_flag_prints_the_package_version() {
    let out = Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .arg("--version")
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("servicescope {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn man_pages_and_completions_are_generated_from_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let man = dir.path().join("man");
    let comp = dir.path().join("comp");
    let bin = env!("CARGO_BIN_EXE_servicescope");
    for (what, out) in [("man", &man), ("completions", &comp)] {
        let status = Command::new(bin)
            .args(["generate", what])
            .arg(out)
            .output()
            .expect("runs");
        assert!(status.status.success(), "{status:?}");
    }
    let mut pages: Vec<String> = std::fs::read_dir(&man)
        .expect("man dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "servicescope-export.1",
            "servicescope-gen-sample.1",
            "servicescope-import.1",
            "servicescope-list.1",
            "servicescope-summary.1",
            "servicescope-validate.1",
            "servicescope.1",
        ],
        "one page per visible command, none for the hidden `generate`"
    );
    let top = std::fs::read_to_string(man.join("servicescope.1")).expect("top page");
    assert!(top.contains(".TH servicescope 1"), "{top}");
    assert!(top.contains("FILE"), "the file arguments are documented");
    assert!(top.contains("servicescope\\-export(1)"), "{top}");
    assert!(!top.contains("generate"), "hidden subcommand leaked: {top}");

    let bash = std::fs::read_to_string(comp.join("servicescope.bash")).expect("bash");
    assert!(bash.contains("complete -F _servicescope"), "{bash}");
    assert!(bash.contains("summary") && bash.contains("--out-dir"));
    let zsh = std::fs::read_to_string(comp.join("_servicescope")).expect("zsh");
    assert!(zsh.starts_with("#compdef servicescope"), "{zsh}");
    let fish = std::fs::read_to_string(comp.join("servicescope.fish")).expect("fish");
    assert!(fish.contains("complete -c servicescope"), "{fish}");
    for script in [&bash, &zsh, &fish] {
        assert!(
            !script.contains("generate"),
            "hidden subcommand in completions"
        );
    }
}

#[test]
fn committed_icons_are_the_svg_rendered_at_each_size() {
    for size in desktop::ICON_SIZES_PX {
        let rel = Path::new("assets/icons").join(desktop::icon_png_path(size));
        let committed =
            std::fs::read(repo().join(&rel)).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        let rendered = desktop::render_icon_png(size).expect("renders");
        assert!(
            committed == rendered,
            "{} differs from the SVG: run `cargo run -- generate icons assets/icons`",
            rel.display()
        );
    }
}

/// `key=value` of a `[Desktop Entry]` file.
fn desktop_value<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("no {key} in the desktop file"))
}

#[test]
fn desktop_entry_metainfo_and_mime_types_agree() {
    let entry = read(&format!("packaging/{APP_ID}.desktop"));
    assert_eq!(desktop_value(&entry, "Exec"), "servicescope %F");
    assert_eq!(desktop_value(&entry, "Icon"), APP_ID);
    assert_eq!(desktop_value(&entry, "StartupWMClass"), APP_ID);
    assert_eq!(
        desktop_value(&entry, "Categories"),
        "Office;Chart;DataVisualization;"
    );
    assert!(desktop_value(&entry, "Comment[fr]").contains("service client"));
    let mimes: Vec<&str> = desktop_value(&entry, "MimeType")
        .split(';')
        .filter(|m| !m.is_empty())
        .collect();
    for m in [
        "application/x-servicescope-dataset+ron",
        "application/x-servicescope-deck+ron",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ] {
        assert!(mimes.contains(&m), "{m} missing from {mimes:?}");
    }

    let mime_xml = read(&format!("packaging/{APP_ID}.mime.xml"));
    let doc = roxmltree::Document::parse(&mime_xml).expect("mime XML parses");
    let globs: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("glob"))
        .map(|g| {
            let ty = g.parent().and_then(|p| p.attribute("type")).unwrap_or("");
            (
                ty.to_owned(),
                g.attribute("pattern").unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        globs,
        [
            (
                "application/x-servicescope-dataset+ron".to_owned(),
                "*.servicescope.ron".to_owned()
            ),
            (
                "application/x-servicescope-deck+ron".to_owned(),
                "*.deck.ron".to_owned()
            ),
        ]
    );
    // every own type the desktop entry claims is defined
    for ty in mimes.iter().filter(|m| m.contains("servicescope")) {
        assert!(globs.iter().any(|(t, _)| t == ty), "{ty} not defined");
    }

    let metainfo = read(&format!("packaging/{APP_ID}.metainfo.xml"));
    let doc = roxmltree::Document::parse(&metainfo).expect("metainfo parses");
    let text = |tag: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .unwrap_or_else(|| panic!("no <{tag}>"))
            .to_owned()
    };
    assert_eq!(text("id"), APP_ID);
    assert_eq!(text("launchable"), format!("{APP_ID}.desktop"));
    assert_eq!(text("project_license"), env!("CARGO_PKG_LICENSE"));
    let release = doc
        .descendants()
        .find(|n| n.has_tag_name("release"))
        .expect("a release");
    assert_eq!(
        release.attribute("version"),
        Some(env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn deb_assets_exist_and_cover_the_desktop_files() {
    let toml = read("Cargo.toml");
    let start = toml.find("[package.metadata.deb]").expect("deb section");
    let section = &toml[start..];
    let assets = &section[section.find("assets = [").expect("assets")..];
    let assets = &assets[..assets.find("\n]").expect("end of assets")];
    let sources: Vec<&str> = assets
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .collect();
    assert!(sources.len() > 10, "{sources:?}");
    for s in &sources {
        if s.starts_with("target/") {
            continue; // built or generated by packaging/build-deb.sh
        }
        assert!(repo().join(s).is_file(), "asset {s} does not exist");
    }
    for needed in [
        format!("packaging/{APP_ID}.desktop"),
        format!("packaging/{APP_ID}.metainfo.xml"),
        format!("packaging/{APP_ID}.mime.xml"),
        format!("assets/icons/{APP_ID}.svg"),
        "target/release/servicescope".to_owned(),
        "target/deb-assets/man/*.1.gz".to_owned(),
        "LICENSE-MIT".to_owned(),
        "LICENSE-APACHE".to_owned(),
    ] {
        assert!(sources.contains(&needed.as_str()), "{needed} not packaged");
    }
    for size in desktop::ICON_SIZES_PX {
        let rel = format!(
            "assets/icons/{}",
            desktop::icon_png_path(size).to_string_lossy()
        );
        assert!(sources.contains(&rel.as_str()), "{rel} not packaged");
    }
}

#[cfg(feature = "gui")]
#[test]
fn without_a_display_the_app_exits_with_4_and_says_why() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .arg("data.csv")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("DISPLAY"), "{stderr}");
}
