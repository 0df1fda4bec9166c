package events

// familyCode gives the code of a family trigger from the code of the act
// it names ("agreed to cooperate": INTENT with 060 gives 031). act is ""
// when the trigger names no codable act; cond is set when the act carries
// a condition ("unless", "if"), which turns an intent into a threat.
func familyCode(family, act string, cond bool) string {
	root := ""
	if len(act) >= 2 {
		root = act[:2]
	}
	conflict := root >= "09" && root <= "20"
	switch family {
	case famIntent, famPlan:
		if conflict || cond {
			return threatCode(act, root)
		}
		return intentCode(act, root)
	case famPrepare:
		if root >= "18" && root <= "20" {
			return "150"
		}
		if conflict || cond {
			return threatCode(act, root)
		}
		return intentCode(act, root)
	case famThreat:
		return threatCode(act, root)
	case famAppeal:
		return requestCode("02", act, root)
	case famDemand:
		return requestCode("10", act, root)
	case famRefuse:
		return refuseCode(act, root)
	case famDeny:
		return "016"
	}
	return ""
}

func intentCode(act, root string) string {
	switch {
	case act == "0871":
		return "0356"
	case len(act) >= 3 && act[:3] == "084":
		return "0353"
	case act == "085":
		return "0354"
	case act == "0831":
		return "0341"
	}
	switch root {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	}
	return "030"
}

func threatCode(act, root string) string {
	switch act {
	case "161":
		return "1313"
	case "162":
		return "1311"
	case "163":
		return "1312"
	case "164":
		return "134"
	case "165":
		return "135"
	case "166":
		return "136"
	case "1723":
		return "1323"
	case "1724":
		return "1324"
	case "1722":
		return "1322"
	case "191":
		return "1381"
	case "192":
		return "1382"
	case "204":
		return "1385"
	}
	switch root {
	case "16":
		return "131"
	case "17":
		if act == "172" || act == "173" || act == "174" {
			return "132"
		}
		return "137"
	case "14":
		return "133"
	case "15", "18", "19", "20":
		return "138"
	}
	return "130"
}

// requestCode gives an appeal (base "02") or a demand (base "10").
func requestCode(base, act, root string) string {
	sub := ""
	switch {
	case act == "0871":
		sub = "56"
	case len(act) >= 3 && act[:3] == "084":
		sub = "53"
	case act == "085":
		sub = "54"
	case act == "0831":
		sub = "41"
	case act == "083":
		sub = "4"
	}
	if sub != "" {
		return base[:2] + sub
	}
	switch root {
	case "04":
		if base == "02" {
			return "026"
		}
		return "106"
	case "05":
		return base[:2] + "2"
	case "06":
		return base[:2] + "1"
	case "07":
		return base[:2] + "3"
	case "08":
		return base[:2] + "5"
	}
	return base[:2] + "0"
}

func refuseCode(act, root string) string {
	switch {
	case len(act) >= 3 && act[:3] == "084":
		return "1243"
	case act == "085":
		return "1244"
	case act == "087" || act == "0871" || act == "0872":
		return "1246"
	}
	switch root {
	case "04":
		return "125"
	case "06":
		return "121"
	case "07":
		return "122"
	case "08":
		return "124"
	}
	return "120"
}

// familyModality is the modality a family gives the act it names.
func familyModality(family string) string {
	switch family {
	case famDeny, famRefuse:
		return "negated"
	case famAppeal, famDemand, famFear:
		return "hypothetical"
	}
	return "intended"
}
