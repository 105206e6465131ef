package replication

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// PathPublished is where a desk asks for the newest published content.
const PathPublished = "/v1/published"

// Kinds of published content.
const (
	// KindGuide is the orientation guide: topics.toml, data.toml and
	// <lang>/<topic>.md, as in the embedded assets/guide.
	KindGuide = "guide"
	// KindReference is the return-assistance reference data:
	// return_assistance.toml.
	KindReference = "reference"
)

// ReferenceFile is the one file of a reference bundle.
const ReferenceFile = "return_assistance.toml"

// Bounds on a bundle, well above the embedded guide (about 1 MiB in all
// its languages) and under what a desk reads in one answer.
const (
	MaxBundleBytes = 32 << 20
	MaxBundleFiles = 4000
)

// Bundle is one published version of a kind of content. An answer that
// finds the desk up to date carries no files.
type Bundle struct {
	Kind    string `json:"kind"`
	Version int64  `json:"version"`
	// Files maps slash-separated paths to their content.
	Files map[string]string `json:"files,omitempty"`
}

// ErrBundle marks a bundle that cannot be kept: bad paths or too large.
var ErrBundle = errors.New("invalid bundle")

// Check refuses paths that could leave the bundle's folder and bundles
// beyond the bounds.
func (b Bundle) Check() error {
	if len(b.Files) > MaxBundleFiles {
		return fmt.Errorf("%w: %d files, at most %d", ErrBundle, len(b.Files), MaxBundleFiles)
	}
	size := 0
	for p, content := range b.Files {
		if !fs.ValidPath(p) || p == "." || strings.HasPrefix(path.Base(p), ".") || strings.Contains(p, "\\") {
			return fmt.Errorf("%w: path %q", ErrBundle, p)
		}
		size += len(content)
	}
	if size > MaxBundleBytes {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrBundle, size, MaxBundleBytes)
	}
	return nil
}

// PublishedDir keeps, in a desk's data folder, the newest valid version
// of each kind of published content: <Dir>/<kind>-v<N>/ holds the files
// and <Dir>/<kind>.current names the folder in use. A new version is
// written beside the old one, checked, and then made current by
// replacing the .current file (temporary file, fsync, rename), so that a
// crash leaves either version whole.
type PublishedDir struct {
	Dir string
	// Checks holds, per kind to take, the loader the app uses: a version
	// it refuses is not kept (the desk goes on with what it has).
	Checks map[string]func(fs.FS) error

	mu       sync.Mutex
	refused  map[string]int64 // newest version refused, per kind
	refusals []error
}

// Refusals returns why the last pull kept no new version of a kind the
// central published, for the status.
func (d *PublishedDir) Refusals() []error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]error(nil), d.refusals...)
}

var currentName = regexp.MustCompile(`^([a-z]+)-v([0-9]+)$`)

// Open returns the current version of kind and its number, or
// fs.ErrNotExist when the desk has none.
func (d *PublishedDir) Open(kind string) (fs.FS, int64, error) {
	b, err := os.ReadFile(filepath.Join(d.Dir, kind+".current"))
	if err != nil {
		return nil, 0, err
	}
	name := strings.TrimSpace(string(b))
	m := currentName.FindStringSubmatch(name)
	if m == nil || m[1] != kind {
		return nil, 0, fmt.Errorf("%w: %s.current names %q", ErrBundle, kind, name)
	}
	v, err := strconv.ParseInt(m[2], 10, 64)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %s.current names %q", ErrBundle, kind, name)
	}
	return os.DirFS(filepath.Join(d.Dir, name)), v, nil
}

// Version returns the version of kind the desk has, 0 for none.
func (d *PublishedDir) Version(kind string) int64 {
	_, v, err := d.Open(kind)
	if err != nil {
		return 0
	}
	return v
}

// Keep writes b, checks it with the kind's loader and makes it current.
func (d *PublishedDir) Keep(b Bundle) error {
	if err := b.Check(); err != nil {
		return err
	}
	if !currentName.MatchString(b.Kind + "-v" + strconv.FormatInt(b.Version, 10)) {
		return fmt.Errorf("%w: kind %q", ErrBundle, b.Kind)
	}
	if err := os.MkdirAll(d.Dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(d.Dir, "."+b.Kind+".tmp-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // gone after the rename
	if err := writeBundle(tmp, b.Files); err != nil {
		return err
	}
	if check := d.Checks[b.Kind]; check != nil {
		if err := check(os.DirFS(tmp)); err != nil {
			return fmt.Errorf("%s refused: %w", b.Kind, err)
		}
	}
	return d.makeCurrent(tmp, b)
}

func (d *PublishedDir) makeCurrent(tmp string, b Bundle) error {
	name := b.Kind + "-v" + strconv.FormatInt(b.Version, 10)
	final := filepath.Join(d.Dir, name)
	if err := os.RemoveAll(final); err != nil { // left by a crash before the switch
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		return err
	}
	if err := syncDir(d.Dir); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(d.Dir, b.Kind+".current"), []byte(name+"\n")); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(d.Dir, b.Kind+"-v*"))
	for _, o := range old {
		if filepath.Base(o) != name {
			os.RemoveAll(o)
		}
	}
	return nil
}

// writeBundle writes every file and syncs it and its folders.
func writeBundle(root string, files map[string]string) error {
	dirs := map[string]bool{root: true}
	for p, content := range files {
		dst := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			return err
		}
		for dir := filepath.Dir(dst); dir != root && !dirs[dir]; dir = filepath.Dir(dir) {
			dirs[dir] = true
		}
		f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return err
		}
		_, err = f.WriteString(content)
		if err := errors.Join(err, f.Sync(), f.Close()); err != nil {
			return err
		}
	}
	for dir := range dirs {
		if err := syncDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// writeFileAtomic replaces path: temporary file, fsync, rename, folder
// fsync.
func writeFileAtomic(p string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if err := errors.Join(err, f.Sync(), f.Close()); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), p); err != nil {
		return err
	}
	return syncDir(filepath.Dir(p))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, os.ErrInvalid) || errors.Is(err, os.ErrPermission) {
		err = nil // folders cannot be synced on every system (Windows)
	}
	return errors.Join(err, d.Close())
}

// PullPublished fetches, for each kind c.Published checks, a newer
// version than the desk has and keeps it; it returns how many versions it
// kept. A version the desk's loader refuses is skipped until a newer one
// comes, and noted in Refusals; it does not fail the sync.
func (c *Client) PullPublished(ctx context.Context) (int, error) {
	c.running.Lock()
	defer c.running.Unlock()
	return c.pullPublished(ctx)
}

func (c *Client) pullPublished(ctx context.Context) (int, error) {
	d := c.Published
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refusals = nil
	kept := 0
	for kind := range d.Checks {
		have := max(d.Version(kind), d.refused[kind])
		q := url.Values{"kind": {kind}, "have": {strconv.FormatInt(have, 10)}}
		var b Bundle
		err := c.call(ctx, http.MethodGet, PathPublished+"?"+q.Encode(), nil, &b)
		if err != nil {
			return kept, fmt.Errorf("replication: published %s: %w", kind, err)
		}
		if b.Files == nil || b.Version <= have || b.Kind != kind {
			continue
		}
		if err := d.Keep(b); err != nil {
			err = fmt.Errorf("published version %d: %w", b.Version, err)
			if d.refused == nil {
				d.refused = map[string]int64{}
			}
			d.refused[kind] = b.Version
			d.refusals = append(d.refusals, err)
			continue
		}
		kept++
	}
	return kept, nil
}
