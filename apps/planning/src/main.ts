import 'reflect-metadata';
import { runService } from '@bildungsregion/service-runtime';
import { createPlanningApp } from './app';

runService('planning', createPlanningApp);
