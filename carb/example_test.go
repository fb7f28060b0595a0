package carb_test

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/carb"
)

func ExampleScore() {
	gold := "Russia urged both sides to show restraint .\turged\tRussia\tboth sides to show restraint\n"
	system := "Russia urged both sides to show restraint .\t0.8\turged\tRussia\tboth sides\n" +
		"Russia urged both sides to show restraint .\t0.3\tshow\tboth sides\trestraint\n"
	res, err := carb.Score(strings.NewReader(gold), strings.NewReader(system))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("AUC %.3f  P %.3f  R %.3f  F1 %.3f at confidence %.1f\n", res.AUC, res.Precision, res.Recall, res.F1, res.Threshold)
	// Output:
	// AUC 0.571  P 1.000  R 0.571  F1 0.727 at confidence 0.8
}
