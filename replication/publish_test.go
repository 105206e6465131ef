package replication_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"accueil/assets"
	"accueil/replication"
)

// guideBundle is the embedded guide as a bundle, with data.toml's first
// value line marked so that a desk's copy can be told from the original.
func guideBundle(t *testing.T, mark string) replication.Bundle {
	t.Helper()
	b := replication.Bundle{Kind: replication.KindGuide, Files: map[string]string{}}
	err := fs.WalkDir(assets.Guide(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(assets.Guide(), p)
		b.Files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Files["data.toml"] = "# " + mark + "\n" + b.Files["data.toml"]
	return b
}

func TestBundlePathsChecked(t *testing.T) {
	tests := []struct {
		name string
		path string
		ok   bool
	}{
		{"plain", "en/welcome.md", true},
		{"parent", "../outside.md", false},
		{"absolute", "/etc/passwd", false},
		{"hidden", "en/.hidden", false},
		{"backslash", `en\..\..\x`, false},
		{"inner dots", "en/../../x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := replication.Bundle{Kind: "guide", Files: map[string]string{tt.path: "x"}}.Check()
			if (err == nil) != tt.ok {
				t.Fatalf("check %q: %v", tt.path, err)
			}
		})
	}
}

// TestPublishedDirKeepsNewestValid: versions replace each other whole; a
// version the loader refuses leaves the current one in use.
func TestPublishedDirKeepsNewestValid(t *testing.T) {
	d := &replication.PublishedDir{Dir: filepath.Join(t.TempDir(), "published"), Checks: replication.PublishedChecks()}
	if _, _, err := d.Open(replication.KindGuide); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("empty folder: %v", err)
	}
	for v, mark := range []string{"", "first", "second"} {
		if v == 0 {
			continue
		}
		b := guideBundle(t, mark)
		b.Version = int64(v)
		if err := d.Keep(b); err != nil {
			t.Fatal(err)
		}
	}
	broken := guideBundle(t, "broken")
	broken.Version = 3
	broken.Files["topics.toml"] = "[[topic]\nid = "
	if err := d.Keep(broken); err == nil || !strings.Contains(err.Error(), "topics.toml") {
		t.Fatalf("a broken guide: %v", err)
	}
	fsys, v, err := d.Open(replication.KindGuide)
	if err != nil || v != 2 {
		t.Fatalf("current: %d %v", v, err)
	}
	if data, _ := fs.ReadFile(fsys, "data.toml"); !strings.HasPrefix(string(data), "# second\n") {
		t.Fatalf("current data.toml starts %q", string(data)[:20])
	}
	entries, _ := os.ReadDir(d.Dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "guide-v2 guide.current" {
		t.Fatalf("published folder holds %v; want the current version alone", names)
	}
}

// TestDesksTakePublishedContent: a desk on loopback takes the newest
// version on sync, once, and a newer one when it comes.
func TestDesksTakePublishedContent(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	st := enrolledDesk(t, c)
	cl := client(t, st)
	cl.Published = &replication.PublishedDir{Dir: filepath.Join(t.TempDir(), "published"), Checks: replication.PublishedChecks()}
	if _, err := cl.Sync(ctx); err != nil || cl.Published.Version(replication.KindGuide) != 0 {
		t.Fatalf("sync with nothing published: %v", err)
	}
	checks := replication.PublishedChecks()
	ref, err := os.ReadFile(filepath.Join("..", "assets", "reference", replication.ReferenceFile))
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range []replication.Bundle{guideBundle(t, "v1"),
		{Kind: replication.KindReference, Files: map[string]string{replication.ReferenceFile: string(ref)}}} {
		if v, err := c.Storage.Publish(ctx, checks, b, time.Now()); err != nil || v != int64(i+1) {
			t.Fatalf("publish %s: %d %v", b.Kind, v, err)
		}
	}
	if n, err := cl.PullPublished(ctx); err != nil || n != 2 {
		t.Fatalf("first pull: kept %d, %v", n, err)
	}
	if n, err := cl.PullPublished(ctx); err != nil || n != 0 {
		t.Fatalf("up to date: kept %d, %v", n, err)
	}
	if _, err := c.Storage.Publish(ctx, checks, guideBundle(t, "v3"), time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := cl.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	fsys, v, err := cl.Published.Open(replication.KindGuide)
	if err != nil || v != 3 {
		t.Fatalf("guide after the new version: %d %v", v, err)
	}
	if data, _ := fs.ReadFile(fsys, "data.toml"); !strings.HasPrefix(string(data), "# v3\n") {
		t.Fatal("the desk did not take the newer guide")
	}
	if cl.Published.Version(replication.KindReference) != 2 {
		t.Fatal("the reference data was not kept")
	}
}

// TestPublishRefusesWhatDesksRefuse: the central checks with the desk's
// loader and stores nothing it refuses.
func TestPublishRefusesWhatDesksRefuse(t *testing.T) {
	ctx := context.Background()
	c := startCentral(t, nil)
	checks := replication.PublishedChecks()
	ref, err := os.ReadFile(filepath.Join("..", "assets", "reference", replication.ReferenceFile))
	if err != nil || !strings.Contains(string(ref), "per_adult = 1000") {
		t.Fatalf("reference file: %v", err)
	}
	noTopic := guideBundle(t, "x")
	noTopic.Files["topics.toml"] = "# none\n"
	tests := []struct {
		name string
		b    replication.Bundle
		want string
	}{
		{"guide without topics", noTopic, "lists no topic"},
		{"reference not TOML", replication.Bundle{Kind: replication.KindReference,
			Files: map[string]string{replication.ReferenceFile: "[status\nconfirmed = "}}, "return_assistance.toml"},
		{"reference with a negative amount", replication.Bundle{Kind: replication.KindReference,
			Files: map[string]string{replication.ReferenceFile: strings.Replace(string(ref), "per_adult = 1000", "per_adult = -1000", 1)}}, "lump_sum.per_adult"},
		{"unknown kind", replication.Bundle{Kind: "music", Files: map[string]string{"a": "b"}}, "unknown kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := c.Storage.Publish(ctx, checks, tt.b, time.Now()); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want a refusal saying %q", err, tt.want)
			}
		})
	}
	if _, _, err := c.Storage.Published(ctx, replication.KindGuide); err == nil {
		t.Fatal("a refused bundle was stored")
	}
}

// FuzzBundleKeep: whatever paths a bundle names, nothing is written
// outside the published folder.
func FuzzBundleKeep(f *testing.F) {
	for _, seed := range []string{"en/welcome.md", "../x", "a/../../b", "/abs", `a\b`, ".hidden", "a//b", "a/./b", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, p string) {
		root := t.TempDir()
		d := &replication.PublishedDir{Dir: filepath.Join(root, "published"), Checks: map[string]func(fs.FS) error{}}
		_ = d.Keep(replication.Bundle{Kind: replication.KindGuide, Version: 1, Files: map[string]string{p: "x"}})
		err := filepath.WalkDir(root, func(q string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			if rel, _ := filepath.Rel(d.Dir, q); strings.HasPrefix(rel, "..") {
				t.Fatalf("path %q wrote %s outside the published folder", p, q)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
