// Command accueil is the desk application of the asylum office: run with no
// command it opens the window (intake desk, newcomer guide, counselling);
// with a command it serves administrators and scripts.
//
//	accueil [--data DIR]                     start the desk app
//	accueil init --admin NAME                create a data folder and its first admin
//	accueil import [--dry-run --json] FILE   import an attribution list (CSV)
//	accueil export --json|--csv              export the persons the user may see
//	accueil guide check [--json]             check every guide page can be drawn
//	accueil guide render --lang L --topic T --out F.png
//	accueil guide pdf --lang L [--topic T] --out F.pdf
//	accueil enroll URL CODE --user ADMIN     enrol this desk with a central
//	accueil sync --once --user NAME          push and pull until both agree (logs in)
//	accueil counselling sheet --person ID --out F.pdf   a case's preparation sheet
//
// Commands act as the staff member --user NAME, with the password from the
// environment variable ACCUEIL_PASSWORD or asked on the terminal.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "accueil:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cmd, rest := "", args
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, rest = args[0], args[1:]
	}
	switch cmd {
	case "":
		return runDesk(rest)
	case "init":
		return runInit(rest)
	case "import":
		return runImport(rest)
	case "export":
		return runExport(rest)
	case "guide":
		return runGuide(rest)
	case "enroll":
		return runEnroll(rest)
	case "sync":
		return runSync(rest)
	case "counselling":
		return runCounselling(rest)
	case "help":
		fmt.Println(usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

const usage = `usage:
  accueil [--data DIR] [--lang fr|de|it|en]
  accueil init --data DIR --admin NAME
  accueil import --data DIR --user NAME [--dry-run] [--json] [--lang TAG] FILE.csv
  accueil export --data DIR --user NAME (--json | --csv)
  accueil guide check [--json]
  accueil guide render --lang TAG --topic ID --out FILE.png
  accueil guide pdf --lang TAG [--topic ID] --out FILE.pdf
  accueil enroll --data DIR --user ADMIN https://HOST:PORT CODE
  accueil sync --once --data DIR --user NAME
  accueil counselling sheet --data DIR --user NAME --person ID --out FILE.pdf [--lang TAG]
The password is read from ACCUEIL_PASSWORD or asked on the terminal.`
