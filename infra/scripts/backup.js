#!/usr/bin/env node
// `npm run backup -- <carpeta>`: a backup of the running system (README, "Backup and restore").
'use strict';
require('./bootstrap').runDist('infra/src/backup/backup-main.js', process.argv.slice(2), 'error');
