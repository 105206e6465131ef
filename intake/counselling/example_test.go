package counselling_test

import (
	"fmt"
	"strings"

	"accueil/intake"
	"accueil/intake/counselling"
)

func Example() {
	ref, err := counselling.LoadReference(strings.NewReader(`
[status]
confirmed = true
confirmed_by = "admin"
confirmed_on = "2026-11-01"
[lump_sum]
per_adult = 1000
per_child = 500
[reintegration]
project_max = 3000
project_max_special_needs = 5000
[travel_money]
per_adult = 100
[medical_assistance]
available = true
[age]
majority = 18
[exclusions]
criminal_conviction = true
clear_abuse = true
visa_exempt_countries = []
`))
	if err != nil {
		fmt.Println(counselling.MessageID(err))
		return
	}
	today := intake.MustDate("2026-11-23")
	parent := intake.Person{ID: "p1", Surname: "Testari", BirthDate: intake.MustDate("1990-02-03"), Nationality: "ER"}
	child := intake.Person{ID: "p2", Surname: "Testari", BirthDate: intake.MustDate("2016-06-07"), Nationality: "ER"}
	members := []counselling.Member{
		counselling.NewMember(parent, counselling.Facts{}, ref),
		counselling.NewMember(child, counselling.Facts{}, ref),
	}
	b := counselling.Assistance(members, ref, today, counselling.Options{})
	for _, l := range b.Lines {
		fmt.Printf("%-52s %d × %d = %d\n", l.ID, l.Count, l.Unit, l.Amount)
	}
	fmt.Println("total CHF", b.Total)
	// Output:
	// counselling.assistance.lump_sum_adults               1 × 1000 = 1000
	// counselling.assistance.lump_sum_children             1 × 500 = 500
	// counselling.assistance.travel_money                  1 × 100 = 100
	// counselling.assistance.reintegration_max             1 × 3000 = 3000
	// counselling.assistance.medical                       0 × 0 = 0
	// total CHF 4600
}

func ExampleCase_Advance() {
	var c counselling.Case
	on := intake.MustDate("2026-11-23")
	_ = c.Advance(counselling.StepFirstContact, "counsellor1", on, "")
	err := c.Advance(counselling.StepTravelDocuments, "counsellor1", on, "")
	fmt.Println(counselling.MessageID(err))
	err = c.Advance(counselling.StepTravelDocuments, "counsellor1", on, "situation and enquiry settled at first contact")
	fmt.Println(err, c.Step)
	// Output:
	// counselling.error.skip_needs_reason
	// <nil> travel_documents
}
