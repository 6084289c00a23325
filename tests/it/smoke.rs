//! Starts the real binary in a virtual X display (Xvfb), lets it save a screenshot of its
//! window, and checks the picture is the main window and not blank.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Xvfb on a free display number; killed on drop.
struct Xvfb {
    child: Child,
    display: String,
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn start_xvfb() -> Xvfb {
    let Some(xvfb) = find_in_path("Xvfb") else {
        panic!(
            "Xvfb is not installed: the desktop smoke test needs a virtual X display. \
             Run `bash .ci/run` (it installs xvfb and the X/Mesa libraries), or \
             `apt-get install xvfb xauth libegl1 libgl1-mesa-dri libx11-xcb1 libxkbcommon-x11-0 libxcursor1 libxi6`."
        )
    };
    // a display number nobody uses, different per test process
    let start = 40 + (std::process::id() % 400);
    for n in start..start + 200 {
        if Path::new(&format!("/tmp/.X{n}-lock")).exists()
            || Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        {
            continue;
        }
        let mut child = Command::new(&xvfb)
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "1400x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", xvfb.display()));
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let t0 = Instant::now();
        while t0.elapsed() < Duration::from_secs(10) {
            if socket.exists() {
                return Xvfb {
                    child,
                    display: format!(":{n}"),
                };
            }
            if let Ok(Some(_)) = child.try_wait() {
                break; // lost a race for this number: try the next one
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    panic!("could not start Xvfb on any display number");
}

#[test]
fn the_window_opens_and_draws_the_main_view() {
    let x = start_xvfb();
    let dir = tempfile::tempdir().expect("temp dir");
    let shot = dir.path().join("window.png");
    let mut app = Command::new(env!("CARGO_BIN_EXE_servicescope"))
        .env("DISPLAY", &x.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("SERVICESCOPE_SCREENSHOT", &shot)
        .env("LANG", "en_GB.UTF-8")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start servicescope");
    let t0 = Instant::now();
    let status = loop {
        if let Some(status) = app.try_wait().expect("wait") {
            break status;
        }
        if t0.elapsed() > Duration::from_secs(90) {
            let _ = app.kill();
            panic!("servicescope did not quit within 90 s after its screenshot");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut stderr = String::new();
    if let Some(mut e) = app.stderr.take() {
        use std::io::Read as _;
        let _ = e.read_to_string(&mut stderr);
    }
    assert!(
        status.success(),
        "servicescope exited with {status}: {stderr}"
    );
    assert!(shot.exists(), "no screenshot written; stderr: {stderr}");

    let img = image::open(&shot).expect("screenshot is a PNG").to_rgb8();
    assert_eq!(
        (img.width(), img.height()),
        (1280, 800),
        "screenshot has the window size"
    );
    let mut colours = std::collections::HashSet::new();
    // the app opens on the chart the bundled data names (measured channel use: France,
    // Québec, Morocco); France's bars are drawn in its vermillion #d55e00
    let mut france = 0usize;
    for p in img.pixels() {
        colours.insert(p.0);
        let [r, g, b] = p.0;
        if r.abs_diff(0xd5) <= 4 && g.abs_diff(0x5e) <= 4 && b.abs_diff(0x00) <= 4 {
            france += 1;
        }
    }
    assert!(
        colours.len() > 100,
        "the window looks blank: {} distinct colours",
        colours.len()
    );
    assert!(
        france > 200,
        "the France region colour #d55e00 is drawn (found {france} pixels)"
    );
}
