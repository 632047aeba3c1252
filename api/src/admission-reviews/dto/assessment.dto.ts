import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, ValidateIf } from 'class-validator';
import { Nullable } from '../../common/nullable.js';
import { IsText } from '../../common/validators.js';

const text = (description: string) => (target: object, key: string | symbol) => {
  ApiPropertyOptional({ description, nullable: true, maxLength: 5000 })(target, key);
  Nullable()(target, key);
  ValidateIf((_: unknown, value: unknown) => value !== null && value !== undefined)(target, key);
  IsText(String(key), 5000)(target, key);
};

/** The unit's admission assessment (seed 002); only the fields sent change. Narrative, no identity numbers. */
export class AssessmentDto {
  @text('Motivation: what pushes the candidate out of the milieu') pushFactors?: string | null;
  @text('Motivation: what pulls the candidate towards a life outside it') pullFactors?: string | null;
  @text("Motivation: the candidate's own explanation of why they want out") ownExplanation?: string | null;
  @text('Motivation: the help the candidate wishes for') helpWished?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Motivation: does it rest on fear alone (which cannot carry it)',
  })
  @Nullable()
  @IsOptional()
  @IsBoolean({ message: 'fearAlone must be true or false' })
  fearAlone?: boolean | null;

  @text('Suitability: understands what leaving the milieu means in practice') understandsLeaving?: string | null;
  @text('Suitability: understands what a changed lifestyle means in practice') understandsLifestyle?: string | null;
  @text('Suitability: the plans, actions and steps already taken to leave') stepsTaken?: string | null;
  @text('Suitability: the will and ability to work on the exit with the authorities') willToCooperate?: string | null;
}
