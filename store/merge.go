package store

import (
	"context"
	"fmt"

	"accueil/intake"
)

// notMerged are the fields Merge never copies from the file that goes: its
// own state, not facts about the person.
var notMerged = map[intake.Field]bool{
	intake.FieldMergedInto:  true,
	intake.FieldImportBatch: true,
	intake.FieldDeleted:     true,
}

// Merge folds the file gone into keep: keep's empty fields take gone's
// values, and gone is marked merged into keep. Both files keep their
// histories (History of keep shows both), and searching gone's names or
// numbers finds keep. Health fields are copied too, whatever the role: a
// merge must not lose them, and it shows them to no one.
func (s *Store) Merge(ctx context.Context, by intake.Staff, keep, gone string) error {
	if !by.Role.CanEditPersons() {
		return fmt.Errorf("store: merge: %w", ErrForbidden)
	}
	if keep == gone || keep == "" || gone == "" {
		return fmt.Errorf("store: merge: %w", ErrInvalid)
	}
	err := s.write(ctx, func(t *txn) error {
		kf, gf, err := loadMergePair(t, keep, gone)
		if err != nil {
			return err
		}
		if err := t.fillFrom(by, keep, kf, gf); err != nil {
			return err
		}
		ev, err := t.newEvent(intake.EntityPerson, gone, by, []intake.Change{
			{Field: intake.FieldMergedInto, Value: keep, Base: gf[intake.FieldMergedInto].version},
		})
		if err != nil {
			return err
		}
		if err := t.record(ev); err != nil {
			return err
		}
		return t.audit(by, ActionMerge, intake.EntityPerson, gone, ev.ID)
	})
	if err != nil {
		return fmt.Errorf("store: merge: %w", err)
	}
	return nil
}

// loadMergePair reads both files; each must exist and be live.
func loadMergePair(t *txn, keep, gone string) (kf, gf map[intake.Field]fieldState, err error) {
	if kf, err = loadFields(t, keep); err != nil {
		return nil, nil, err
	}
	if gf, err = loadFields(t, gone); err != nil {
		return nil, nil, err
	}
	if len(kf) == 0 || len(gf) == 0 {
		return nil, nil, ErrNotFound
	}
	for _, fs := range []map[intake.Field]fieldState{kf, gf} {
		p := intake.PersonFromValues("", valuesOf(fs))
		if !live(p) {
			return nil, nil, ErrInvalid
		}
	}
	return kf, gf, nil
}

// fillFrom writes, as one event on keep, gone's values of the fields keep
// has empty. The audit row is written even when nothing was copied: the
// merge happened to keep too.
func (t *txn) fillFrom(by intake.Staff, keep string, kf, gf map[intake.Field]fieldState) error {
	var changes []intake.Change
	for _, f := range intake.PersonFields() {
		if notMerged[f] || kf[f].value != "" || gf[f].value == "" {
			continue
		}
		changes = append(changes, intake.Change{Field: f, Value: gf[f].value, Base: kf[f].version})
	}
	event := ""
	if len(changes) > 0 {
		ev, err := t.newEvent(intake.EntityPerson, keep, by, changes)
		if err != nil {
			return err
		}
		if err := t.record(ev); err != nil {
			return err
		}
		event = ev.ID
	}
	return t.audit(by, ActionMerge, intake.EntityPerson, keep, event)
}
