#!/usr/bin/env bash
# Builds the Debian package of servicescope and prints its path.
#
#   bash packaging/build-deb.sh            # target/debian/servicescope_<version>-1_<arch>.deb
#
# Steps: installs cargo-deb if missing (pinned version), builds the release binary, generates
# the man pages and the shell completions from the command line's own definition (hidden
# subcommand `servicescope generate`), then runs cargo-deb with `[package.metadata.deb]`
# from Cargo.toml. Needs only a Rust toolchain and dpkg (Debian or Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DEB_VERSION=3.8.0 # builds with Rust 1.85 and later

if ! cargo deb --version 2>/dev/null | grep -q "$CARGO_DEB_VERSION"; then
  echo "installing cargo-deb $CARGO_DEB_VERSION" >&2
  cargo install cargo-deb --version "$CARGO_DEB_VERSION" --locked
fi

echo "building the release binary" >&2
cargo build --release --locked

target_dir=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
bin="$target_dir/release/servicescope"
# generated files are listed in Cargo.toml's assets under target/deb-assets/
gen="target/deb-assets"
rm -rf "$gen"
"$bin" generate man "$gen/man" >&2
"$bin" generate completions "$gen/completions" >&2
gzip -9n "$gen"/man/*.1

# the icons (assets/icons/) are committed; `servicescope generate icons DIR` renders them again
cargo deb --no-build --locked >&2
deb=$(ls -t "$target_dir"/debian/servicescope_*.deb | head -n 1)
echo "$deb"
