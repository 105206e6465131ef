package tabular_test

import (
	"fmt"
	"os"
	"strings"

	"accueil/intake"
	"accueil/intake/tabular"
)

func ExampleRead() {
	list := "Nom;Prénom(s);Date de naissance;Nationalité;Numéro N;Langue\r\n" +
		"Testperson;Amina;00.00.1994;Erythrée;N 900 001;Tigrinya\r\n" +
		"Testperson;Yonas;31.02.2015;ERI;N 900 002;ti\r\n"
	res, err := tabular.Read(strings.NewReader(list), tabular.Options{Today: intake.MustDate("2025-06-15")})
	if err != nil {
		fmt.Println(tabular.KindOf(err).MessageID())
		return
	}
	for _, r := range res.Rows {
		p := r.Person
		fmt.Println(r.Line, p.Surname, p.GivenNames, p.BirthDate, p.BirthDateApprox, p.Nationality, p.PreferredLanguage, len(r.Problems))
	}
	// Output:
	// 1 Testperson Amina 1994-01-01 true ER ti 0
	// 2 Testperson Yonas  false ER ti 1
}

func ExampleWriteJSON() {
	persons := []intake.Person{{ID: "p1", Surname: "Testperson", GivenNames: "Amina", Nationality: "ER", InterpreterNeeded: true}}
	fields := []intake.Field{intake.FieldSurname, intake.FieldGivenNames, intake.FieldNationality, intake.FieldBirthDate, intake.FieldInterpreterNeeded}
	if err := tabular.WriteJSON(os.Stdout, persons, fields); err != nil {
		fmt.Println(err)
	}
	// Output:
	// [
	// {"id":"p1","surname":"Testperson","given_names":"Amina","nationality":"ER","date_of_birth":null,"interpreter_needed":true}
	// ]
}
