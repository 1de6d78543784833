#!/usr/bin/env node
// `npm run restore -- <carpeta>`: a backup restored into a fresh system (README, "Backup and restore").
'use strict';
require('./bootstrap').runDist('infra/src/backup/restore-main.js', process.argv.slice(2), 'error');
