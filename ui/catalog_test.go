package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"accueil/assets"
	"accueil/i18n"
	"accueil/intake"
	"accueil/intake/tabular"
)

// TestStaffCatalogsComplete fails when a message the code uses is missing
// in English, or when French, German or Italian lack a message English has.
func TestStaffCatalogsComplete(t *testing.T) {
	cat, err := i18n.LoadCatalog(assets.StaffMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	newcomer, err := i18n.LoadCatalog(assets.NewcomerMessages(), language.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range usedMessageIDs(t) {
		c := cat
		if strings.HasPrefix(id, "newcomer.") {
			c = newcomer
		}
		if !c.Has(id) {
			t.Errorf("message %q is used but not in the English catalog", id)
		}
	}
	for _, tag := range []language.Tag{language.French, language.German, language.Italian} {
		if missing := cat.Missing(tag); len(missing) > 0 {
			t.Errorf("%s lacks %d messages, e.g. %v", tag, len(missing), missing[:min(5, len(missing))])
		}
	}
}

// usedMessageIDs collects literal IDs from the screens' sources and the
// IDs built from domain values (fields, permits, statuses…).
func usedMessageIDs(t *testing.T) []string {
	t.Helper()
	literal := regexp.MustCompile(`\.(?:S|T)\("([a-z_.]*[a-z_])"[,)]`)
	files, _ := filepath.Glob("*.go")
	var ids []string
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllSubmatch(src, -1) {
			ids = append(ids, string(m[1]))
		}
	}
	for _, f := range intake.PersonFields() {
		ids = append(ids, "field."+string(f))
	}
	ids = append(ids, prefixed("sex.", stringsOf(intake.Sexes), "unknown")...)
	ids = append(ids, prefixed("permit.", stringsOf(intake.Permits), "unknown")...)
	ids = append(ids, prefixed("relation.", stringsOf(intake.Relations), "unknown")...)
	ids = append(ids, prefixed("accommodation.", stringsOf(intake.AccommodationKinds), "unknown")...)
	ids = append(ids, prefixed("vulnerability.", stringsOf(intake.Vulnerabilities))...)
	ids = append(ids, prefixed("status.", []string{"expected", "arrived", "left"})...)
	ids = append(ids, prefixed("dup.reason.", stringsOf([]intake.Reason{intake.ReasonNNumber, intake.ReasonZEMISNumber, intake.ReasonNameAndBirth}))...)
	ids = append(ids, intake.MsgRequired, intake.MsgTooLong, intake.MsgBadCharacters, intake.MsgDateInvalid,
		intake.MsgDateFuture, intake.MsgBirthTooOld, intake.MsgDateBeforeBirth, intake.MsgSexInvalid,
		intake.MsgPermitInvalid, intake.MsgStatusInvalid, intake.MsgRelationInvalid, intake.MsgNationality,
		intake.MsgLanguageInvalid, intake.MsgIdentifierInvalid, intake.MsgVulnerability, intake.MsgAccommodation)
	ids = append(ids, tabular.MessageIDs()...)
	return ids
}

func prefixed(prefix string, values []string, extra ...string) []string {
	var out []string
	for _, v := range append(values, extra...) {
		out = append(out, prefix+v)
	}
	return out
}
