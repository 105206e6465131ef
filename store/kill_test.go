package store

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"accueil/intake"
	"accueil/internal/synth"
)

// Environment of the helper process that TestKillDuringSave starts.
const (
	envHelper = "ACCUEIL_STORE_KILL_HELPER" // "1" in the child only
	envDB     = "ACCUEIL_STORE_KILL_DB"
	envSeed   = "ACCUEIL_STORE_KILL_SEED"
	// envRounds sets the number of kills, for longer runs than the default.
	envRounds = "ACCUEIL_STORE_KILL_ROUNDS"
)

// childBatch is how many synthetic persons one child may save; it is
// killed long before.
const childBatch = 5000

// TestHelperProcess is the child of TestKillDuringSave: it saves persons
// until it is killed and prints each saved ID right after the commit.
// Lines: "C <id> <seed> <index>" for a new file, "U <id> <value>" for an
// edit of its dietary needs.
func TestHelperProcess(t *testing.T) {
	if os.Getenv(envHelper) != "1" {
		t.Skip("only run as the child of TestKillDuringSave")
	}
	seed, err := strconv.ParseInt(os.Getenv(envSeed), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, os.Getenv(envDB))
	if err != nil {
		t.Fatal(err)
	}
	s.kdf = cheapKDF
	unlockTest(t, s)
	out := bufio.NewWriter(os.Stdout)
	var last intake.Person
	var lastVers Versions
	for i, p := range synth.Persons(seed, childBatch) {
		if i%4 == 3 {
			last.DietaryNeeds = fmt.Sprintf("edit %d-%06d", seed, i)
			if last, lastVers, err = s.SavePerson(ctx, health, last, lastVers); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(out, "U %s %s\n", last.ID, last.DietaryNeeds)
			out.Flush()
			continue
		}
		if last, lastVers, err = s.SavePerson(ctx, health, p, nil); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(out, "C %s %d %d\n", last.ID, seed, i)
		out.Flush()
	}
}

// TestKillDuringSave kills a process that saves persons, at random
// moments, and checks that every save it reported survived whole and that
// the query tables, the index and the outbox still agree with the log.
func TestKillDuringSave(t *testing.T) {
	rounds := 20
	if v := os.Getenv(envRounds); v != "" {
		var err error
		if rounds, err = strconv.Atoi(v); err != nil {
			t.Fatalf("%s: %v", envRounds, err)
		}
	}
	path := filepath.Join(t.TempDir(), "desk.db")
	seed := time.Now().UnixNano()
	t.Logf("kill timing seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	created := map[string][2]int64{} // id -> seed, index
	edited := map[string]string{}    // id -> last reported value
	for round := range rounds {
		lines := runAndKill(t, path, int64(round+1), 150*time.Millisecond+time.Duration(rng.IntN(400))*time.Millisecond)
		for _, l := range lines {
			parseLine(t, l, created, edited)
		}
	}
	if len(created) < rounds {
		t.Fatalf("only %d saves reported in %d rounds: the child saves too slowly to test anything", len(created), rounds)
	}
	t.Logf("%d rounds, %d files and %d edits reported", rounds, len(created), len(edited))
	verifyAfterKills(t, path, created, edited)
}

// runAndKill starts the child on path, kills it after wait and returns the
// complete lines it printed.
func runAndKill(t *testing.T, path string, seed int64, wait time.Duration) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), envHelper+"=1", envDB+"="+path, envSeed+"="+strconv.FormatInt(seed, 10))
	cmd.Stderr = io.Discard
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan []string)
	go func() {
		var lines []string
		r := bufio.NewReader(stdout)
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				// A line cut by the kill has no newline: it was not
				// reported, so it is not counted.
				done <- lines
				return
			}
			lines = append(lines, strings.TrimSuffix(l, "\n"))
		}
	}()
	time.Sleep(wait)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	lines := <-done
	_ = cmd.Wait()
	return lines
}

func parseLine(t *testing.T, l string, created map[string][2]int64, edited map[string]string) {
	t.Helper()
	f := strings.SplitN(l, " ", 3)
	switch {
	case len(f) == 3 && f[0] == "C":
		idx := strings.Fields(f[2])
		seed, err1 := strconv.ParseInt(idx[0], 10, 64)
		i, err2 := strconv.ParseInt(idx[1], 10, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", l)
		}
		created[f[1]] = [2]int64{seed, i}
	case len(f) == 3 && f[0] == "U":
		edited[f[1]] = f[2]
	}
}

func verifyAfterKills(t *testing.T, path string, created map[string][2]int64, edited map[string]string) {
	s := openAt(t, path)
	ctx := context.Background()
	mustCheck(t, s) // integrity_check, foreign keys, tables = replayed log
	cache := map[int64][]intake.Person{}
	for id, at := range created {
		if cache[at[0]] == nil {
			cache[at[0]] = synth.Persons(at[0], childBatch)
		}
		want := cache[at[0]][at[1]].Values()
		got, _, err := s.Person(ctx, health, id)
		if err != nil {
			t.Errorf("reported file %s: %v", id, err)
			continue
		}
		gv := got.Values()
		delete(gv, intake.FieldDietaryNeeds) // edited later by the child
		delete(want, intake.FieldDietaryNeeds)
		if !maps.Equal(gv, want) {
			t.Errorf("reported file %s differs from what was saved", id)
		}
	}
	for id, v := range edited {
		got, _, err := s.Person(ctx, health, id)
		// A later edit may have committed without being reported.
		if err != nil || got.DietaryNeeds < v {
			t.Errorf("reported edit of %s lost (%v)", id, err)
		}
	}
	if o, e := countRows(t, s, "outbox"), countRows(t, s, "events"); o != e {
		t.Errorf("outbox holds %d of %d events", o, e)
	}
	var unaudited int
	if err := s.r.QueryRow(`SELECT count(*) FROM events e WHERE NOT EXISTS
		(SELECT 1 FROM audit a WHERE a.event_id = e.id)`).Scan(&unaudited); err != nil || unaudited > 0 {
		t.Errorf("%d events without an audit row (%v)", unaudited, err)
	}
}
