package store

import (
	"context"
	"errors"
	"testing"

	"accueil/intake"
	"accueil/internal/synth"
)

func TestImportAndUndo(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	rows := synth.Persons(7, 2*importBatchSize+17)
	var calls [][2]int
	batch, err := s.Import(ctx, reception, "attribution list", rows, func(done, total int) {
		calls = append(calls, [2]int{done, total})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 || calls[2] != [2]int{len(rows), len(rows)} {
		t.Errorf("progress calls %v", calls)
	}
	list, total, err := s.List(ctx, reception, ListExpected, today(), 5, 0)
	if err != nil || total != len(rows) {
		t.Fatalf("expected list has %d files (%v), want %d", total, err, len(rows))
	}
	p, vers, err := s.Person(ctx, reception, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.ImportBatch != batch || p.Status != intake.StatusExpected {
		t.Errorf("imported file: batch %q status %q", p.ImportBatch, p.Status)
	}
	// One file checked in since the import: undo must keep it.
	p.Status = intake.StatusArrived
	p.ArrivalDate = today()
	save(t, s, reception, p, vers)

	infos, err := s.Imports(ctx, admin)
	if err != nil || len(infos) != 1 || infos[0].Count != len(rows) || infos[0].Label != "attribution list" || infos[0].Undone {
		t.Fatalf("Imports = %+v, %v", infos, err)
	}
	undone, kept, err := s.UndoImport(ctx, reception, batch)
	if err != nil {
		t.Fatal(err)
	}
	if undone != len(rows)-1 || kept != 1 {
		t.Errorf("undo: %d undone, %d kept; want %d and 1", undone, kept, len(rows)-1)
	}
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("Count after undo = %d, want 1", n)
	}
	if infos, _ := s.Imports(ctx, admin); !infos[0].Undone {
		t.Error("import not marked undone")
	}
	// Undoing again changes nothing.
	if undone, kept, err := s.UndoImport(ctx, reception, batch); err != nil || undone != 0 || kept != 1 {
		t.Errorf("second undo: %d, %d, %v", undone, kept, err)
	}
	mustCheck(t, s)
}

func TestImportRefusals(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	rows := synth.Persons(1, 5)
	rows[3].Nationality = "XX"
	tests := []struct {
		name    string
		by      intake.Staff
		rows    []intake.Person
		wantErr error
		wantRow int
	}{
		{"counsellor", counsellor, rows, ErrForbidden, -1},
		{"health", health, rows, ErrForbidden, -1},
		{"bad row", reception, rows, nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Import(ctx, tt.by, "x", tt.rows, nil)
			var verr *ValidationError
			switch {
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			case tt.wantErr == nil && (!errors.As(err, &verr) || verr.Row != tt.wantRow):
				t.Errorf("err = %v, want a ValidationError for row %d", err, tt.wantRow)
			}
			if n := countRows(t, s, "events"); n != 0 {
				t.Errorf("%d events written by a refused import", n)
			}
		})
	}
	if _, _, err := s.UndoImport(ctx, reception, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("undo of an unknown import: err = %v", err)
	}
}
