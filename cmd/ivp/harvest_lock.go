package main

import (
	"errors"
	"path/filepath"
)

// harvestLockFile, in the data directory, is locked while a harvest runs,
// so a harvest of 'ivp harvest' and one of the server never overlap. The
// lock goes with the process that held it, even when that was killed.
const harvestLockFile = "harvest.lock"

// errHarvestRunning refuses a harvest while another one runs.
var errHarvestRunning = errors.New("a harvest is already running (in 'ivp serve' or another 'ivp harvest'); wait until it ends, /beheer/taken shows its progress")

// lockHarvest takes the harvest lock of the data directory data, or
// returns errHarvestRunning; the returned function releases it.
func lockHarvest(data string) (func(), error) {
	return lockFile(filepath.Join(data, harvestLockFile))
}
