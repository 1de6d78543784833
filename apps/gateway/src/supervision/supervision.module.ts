import { Module } from '@nestjs/common';
import { Acknowledgements } from './acknowledgements';
import { OficioFilesResolver } from './oficio-files.resolver';
import { RegisterResolver } from './register.resolver';
import { RegisterService } from './register.service';
import { SupervisionResolver } from './supervision.resolver';
import { SupervisionService } from './supervision.service';
import { TimeTravelService } from './time-travel.service';

@Module({
  providers: [
    SupervisionResolver,
    SupervisionService,
    RegisterResolver,
    RegisterService,
    TimeTravelService,
    Acknowledgements,
    OficioFilesResolver,
  ],
})
export class SupervisionModule {}
