import 'reflect-metadata';
import { runService } from '@bildungsregion/service-runtime';
import { createMonitoringApp } from './app';

runService('monitoring', createMonitoringApp);
