package central

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"accueil/replication"
)

// Checks holds, per kind of published content, the loader the desk uses
// for it: the central refuses what a desk would refuse.
type Checks = map[string]func(fs.FS) error

// ReadBundle reads a folder as a bundle of kind: every regular file, by
// slash path, leaving out hidden files and folders.
func ReadBundle(kind, dir string) (replication.Bundle, error) {
	b := replication.Bundle{Kind: kind, Files: map[string]string{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return addFile(&b, dir, p)
	})
	if err != nil {
		return replication.Bundle{}, fmt.Errorf("central: read %s: %w", dir, err)
	}
	return b, b.Check()
}

func addFile(b *replication.Bundle, dir, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return err
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%s is not UTF-8 text", rel)
	}
	if len(b.Files) >= replication.MaxBundleFiles {
		return fmt.Errorf("more than %d files", replication.MaxBundleFiles)
	}
	b.Files[filepath.ToSlash(rel)] = string(data)
	return nil
}

// ReadReference reads a return-assistance file as a reference bundle.
func ReadReference(file string) (replication.Bundle, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return replication.Bundle{}, fmt.Errorf("central: read %s: %w", file, err)
	}
	if !utf8.Valid(data) {
		return replication.Bundle{}, fmt.Errorf("central: %s is not UTF-8 text", file)
	}
	b := replication.Bundle{Kind: replication.KindReference, Files: map[string]string{replication.ReferenceFile: string(data)}}
	return b, b.Check()
}

// Publish checks b as a desk will, written to a folder and loaded with
// the loader of its kind, and, when it loads, stores it as the newest
// version, which desks take on their next sync. A bundle the loader
// refuses is refused with the loader's error.
func (v *Vault) Publish(ctx context.Context, checks Checks, b replication.Bundle, now time.Time) (int64, error) {
	if checks[b.Kind] == nil {
		return 0, fmt.Errorf("central: publish: unknown kind %q", b.Kind)
	}
	tmp, err := os.MkdirTemp("", "accueil-publish-*")
	if err != nil {
		return 0, fmt.Errorf("central: publish: %w", err)
	}
	defer os.RemoveAll(tmp)
	trial := &replication.PublishedDir{Dir: tmp, Checks: checks}
	b.Version = 1
	if err := trial.Keep(b); err != nil {
		return 0, fmt.Errorf("central: publish: %w", err)
	}
	body, err := json.Marshal(b.Files)
	if err != nil {
		return 0, err
	}
	return v.Storage.Publish(ctx, b.Kind, body, now)
}

// published answers a desk that has version have of kind: the newest
// version's files when newer, else only the version number.
func (s *Server) published(w http.ResponseWriter, r *http.Request, desk string) error {
	q := r.URL.Query()
	kind := q.Get("kind")
	have, err := strconv.ParseInt(q.Get("have"), 10, 64)
	if err != nil || have < 0 || (kind != replication.KindGuide && kind != replication.KindReference) {
		return refuse(http.StatusBadRequest, replication.CodeMalformed, "kind must be guide or reference, have a version (0 for none)")
	}
	b := replication.Bundle{Kind: kind}
	v, body, err := s.store.Storage.Published(r.Context(), kind)
	if err != nil && !errors.Is(err, ErrNothingPublished) {
		return err
	}
	b.Version = v
	if v > have {
		if err := json.Unmarshal(body, &b.Files); err != nil {
			return fmt.Errorf("central: published %s version %d: %w", kind, v, err)
		}
		s.log.Info("published content sent", "desk", desk, "kind", kind, "version", v)
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}
