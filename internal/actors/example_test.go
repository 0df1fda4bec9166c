package actors_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/vigilhq/vigil/internal/actors"
)

func ExampleKB_LookupName() {
	kb, err := actors.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	date := time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"Zelenskiy", "the Kremlin", "Kiev", "Nato", "Boris"} {
		m, ok := kb.LookupName(name, date)
		fmt.Println(name, ok, m.Code, m.Name)
	}
	// Output:
	// Zelenskiy true UKRGOV Volodymyr Zelenskyy
	// the Kremlin true RUSGOV Kremlin
	// Kiev true UKRGOV Kyiv
	// Nato true IGOWSTNAT NATO
	// Boris true GBRGOV Boris Johnson
}

func ExampleKB_Compose() {
	kb, err := actors.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	date := time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)
	code, _ := kb.Compose([]string{"Russian"}, "units", date)
	fmt.Println(code)
	c, _ := kb.Resolve([]string{"Russian-backed"}, "separatists", date)
	fmt.Println(c.Code, c.Backer)
	fmt.Println(actors.Counterpart("RUS", "UKRGOV"))
	// Output:
	// RUSMIL
	// REB RUS
	// RUSGOV
}

// TestConcurrentUse runs lookups from several goroutines on one KB; run
// with -race.
func TestConcurrentUse(t *testing.T) {
	kb, err := actors.Load()
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2022, 2, 20, 0, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if m, ok := kb.LookupName("Putin", date); !ok || m.Code != "RUSGOV" {
					errs <- fmt.Sprintf("LookupName(Putin) = %+v, %v", m, ok)
					return
				}
				if c, ok := kb.Compose([]string{"US"}, "officials", date); !ok || c != "USAGOV" {
					errs <- fmt.Sprintf("Compose(US officials) = %q, %v", c, ok)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
