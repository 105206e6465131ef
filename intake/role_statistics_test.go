package intake

import "testing"

func TestStatisticsRoleReadsNoPersonData(t *testing.T) {
	r := RoleStatistics
	if r.Valid() || !r.Known() || r.CanEditPersons() || r.CanImport() || r.CanManageStaff() || !r.CanReadStatistics() {
		t.Fatalf("statistics role powers: valid %t known %t", r.Valid(), r.Known())
	}
	for _, f := range PersonFields() {
		if r.CanReadField(f) {
			t.Errorf("statistics role reads %s", f)
		}
	}
	for _, other := range Roles {
		if !other.Known() {
			t.Errorf("%s is not known", other)
		}
	}
}
